"""Read the UN reference data shipped in `data/` (see `data/SOURCE.md`, `data/m49/SOURCE.md`).

- `data/m49/regions.csv`: the UN M49 regions, sub-regions and intermediate regions, with
  their parents and their names in the six UN languages.
- `data/m49/countries.csv`: the countries and areas of the M49 table, with their names in
  the six languages, their regions and the LDC / LLDC / SIDS groups.
- `data/un_membership.csv`: the States that report — the 193 Member States and the two
  non-member observer States — with their status and date of admission.

Each reader checks what it reads and raises `ReferenceDataError` naming the file, the row
and what is wrong, so that a broken file is refused before anything is written.
"""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .languages import UN_LANGUAGE_CODES

DATA_DIR = Path(__file__).parent / "data"
M49_REGIONS_FILE = DATA_DIR / "m49" / "regions.csv"
M49_COUNTRIES_FILE = DATA_DIR / "m49" / "countries.csv"
UN_MEMBERSHIP_FILE = DATA_DIR / "un_membership.csv"

REGION_LEVELS = {"region": 1, "sub_region": 2, "intermediate_region": 3}
# Values of the `status` column of un_membership.csv (the `Country.UNStatus` choices).
UN_STATUSES = ("member", "observer_state")


class ReferenceDataError(ValueError):
    """The reference data is incomplete or inconsistent; the message names the file and row."""


@dataclass(frozen=True)
class M49Region:
    code: str
    level: int
    parent: str | None
    names: dict


@dataclass(frozen=True)
class M49Country:
    code: str  # ISO 3166-1 alpha-2
    alpha3: str
    m49: str
    names: dict
    region: str | None
    sub_region: str | None
    intermediate_region: str | None
    ldc: bool
    lldc: bool
    sids: bool


@dataclass(frozen=True)
class Membership:
    code: str
    status: str
    admission_date: date | None


def name_column(language):
    """The CSV column of a language's names: `name_en`, `name_zh_hans`..."""
    return "name_" + language.replace("-", "_")


def _rows(path):
    with Path(path).open(encoding="utf-8", newline="") as handle:
        # Row 1 is the header, as a spreadsheet numbers it.
        yield from enumerate(csv.DictReader(handle), start=2)


def _names(row, where):
    names = {}
    for language in UN_LANGUAGE_CODES:
        name = (row.get(name_column(language)) or "").strip()
        if not name:
            raise ReferenceDataError(f"{where} has no name in {language!r}.")
        names[language] = name
    return names


def read_regions(path=M49_REGIONS_FILE):
    """The M49 regions, parents before their children."""
    regions = {}
    for number, row in _rows(path):
        code = (row.get("m49") or "").strip()
        where = f"{Path(path).name}: row {number} (region {code!r})"
        if code in regions:
            raise ReferenceDataError(f"{where} appears twice.")
        level = REGION_LEVELS.get((row.get("level") or "").strip())
        if level is None:
            raise ReferenceDataError(f"{where} has the unknown level {row.get('level')!r}.")
        parent = (row.get("parent_m49") or "").strip() or None
        regions[code] = M49Region(code, level, parent, _names(row, where))
    for region in regions.values():
        parent = regions.get(region.parent) if region.parent else None
        if (region.level == 1) != (region.parent is None) or (
            region.parent and (parent is None or parent.level >= region.level)
        ):
            raise ReferenceDataError(
                f"{Path(path).name}: region {region.code!r} has the parent {region.parent!r}, "
                "which is not a region of a higher level."
            )
    return sorted(regions.values(), key=lambda region: (region.level, region.code))


def read_countries(path=M49_COUNTRIES_FILE, region_codes=None):
    """{alpha-2 code: M49Country}; `region_codes` (when given) are the regions they may name."""
    countries = {}
    for number, row in _rows(path):
        code = (row.get("iso_alpha2") or "").strip()
        where = f"{Path(path).name}: row {number} (country {code!r})"
        if len(code) != 2 or code in countries:
            raise ReferenceDataError(f"{where} has no ISO alpha-2 code of its own.")
        paths = [
            (row.get(f"{level}_m49") or "").strip() or None
            for level in ("region", "sub_region", "intermediate_region")
        ]
        known = region_codes if region_codes is not None else paths
        unknown = [region for region in paths if region and region not in known]
        if unknown:
            raise ReferenceDataError(f"{where} names the unknown region {unknown[0]!r}.")
        countries[code] = M49Country(
            code=code,
            alpha3=(row.get("iso_alpha3") or "").strip(),
            m49=(row.get("m49") or "").strip(),
            names=_names(row, where),
            region=paths[0],
            sub_region=paths[1],
            intermediate_region=paths[2],
            **{group: (row.get(group) or "").strip() == "1" for group in ("ldc", "lldc", "sids")},
        )
    return countries


def read_membership(path=UN_MEMBERSHIP_FILE):
    """{alpha-2 code: Membership} of the States that report."""
    states = {}
    for number, row in _rows(path):
        code = (row.get("iso_alpha2") or "").strip()
        where = f"{Path(path).name}: row {number} (State {code!r})"
        if len(code) != 2 or code in states:
            raise ReferenceDataError(f"{where} has no ISO alpha-2 code of its own.")
        status = (row.get("status") or "").strip()
        if status not in UN_STATUSES:
            raise ReferenceDataError(f"{where} has the unknown status {status!r}.")
        admitted = (row.get("admission_date") or "").strip()
        try:
            admission_date = date.fromisoformat(admitted) if admitted else None
        except ValueError:
            raise ReferenceDataError(f"{where} has the bad date {admitted!r}.") from None
        states[code] = Membership(code, status, admission_date)
    return states
