"""Load the controlled vocabularies in the six UN languages.

Thematic areas, MOSAIC modules, forms of assistance and organisation types come from
`data/taxonomy.yaml`. Countries follow ISO 3166-1 (django-countries), their UN M49 regions
and the LDC / LLDC / SIDS groups come from the `countrygroups` package, and every country
and region name in every language comes from CLDR through Babel, except the country names
that UN documents write differently, which come from `data/un_country_names.yaml`. Loading
is idempotent and all-or-nothing.
"""

import uuid
from dataclasses import dataclass, field
from pathlib import Path

import countrygroups
import yaml
from babel import Locale as BabelLocale
from django.db import transaction
from django_countries import countries as iso_countries
from wagtail.models import Locale

from .languages import BABEL_LOCALES, UN_LANGUAGE_CODES, source_language
from .models import (
    AssistanceForm,
    Country,
    MosaicModule,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.yaml"
ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.yaml"
UN_COUNTRY_NAMES_FILE = Path(__file__).parent / "data" / "un_country_names.yaml"

TERM_MODELS = {
    "thematic_areas": ThematicArea,
    "mosaic_modules": MosaicModule,
    "assistance_forms": AssistanceForm,
    "organisation_types": OrganisationType,
}

# UN M49 codes of the regions that `countrygroups` names in words. Antarctica has no
# region in M49, and CLDR has no names for the Channel Islands (830), whose two
# territories are therefore attached to Northern Europe directly.
M49_REGION_CODES = {
    "AFRICA": "002",
    "NORTHERN_AFRICA": "015",
    "SUB_SAHARAN_AFRICA": "202",
    "EASTERN_AFRICA": "014",
    "MIDDLE_AFRICA": "017",
    "SOUTHERN_AFRICA": "018",
    "WESTERN_AFRICA": "011",
    "AMERICAS": "019",
    "LATIN_AMERICA_AND_THE_CARIBBEAN": "419",
    "CARIBBEAN": "029",
    "CENTRAL_AMERICA": "013",
    "SOUTH_AMERICA": "005",
    "NORTHERN_AMERICA": "021",
    "ASIA": "142",
    "CENTRAL_ASIA": "143",
    "EASTERN_ASIA": "030",
    "SOUTHERN_ASIA": "034",
    "SOUTH_EASTERN_ASIA": "035",
    "WESTERN_ASIA": "145",
    "EUROPE": "150",
    "EASTERN_EUROPE": "151",
    "NORTHERN_EUROPE": "154",
    "SOUTHERN_EUROPE": "039",
    "WESTERN_EUROPE": "155",
    "OCEANIA": "009",
    "AUSTRALIA_AND_NEW_ZEALAND": "053",
    "MELANESIA": "054",
    "MICRONESIA": "057",
    "POLYNESIA": "061",
}


class VocabularyError(ValueError):
    """The vocabulary data is incomplete; the message names the term and language."""


@dataclass
class LoadSummary:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def count(self, model, created, updated):
        name = model._meta.verbose_name_plural
        self.created[name] = self.created.get(name, 0) + created
        self.updated[name] = self.updated.get(name, 0) + updated


def _group_members(group):
    return [name for name in dir(group) if name.isupper() and not name.startswith("_")]


def walk_m49_regions():
    """Yield (region name, level, parent name, member alpha-3 codes) from countrygroups."""

    def walk(group, level, parent):
        for name in _group_members(group):
            child = getattr(group, name)
            if name in M49_REGION_CODES:
                yield name, level, parent, list(child)
                yield from walk(child, level + 1, name)
            else:
                # A grouping without CLDR names: its members stay with the parent.
                yield from walk(child, level, parent)

    yield from walk(countrygroups.UNSTATS_GEOGRAPHICAL_REGIONS, 1, None)


class VocabularyLoader:
    def __init__(self):
        self.locales = {code: Locale.objects.get(language_code=code) for code in UN_LANGUAGE_CODES}
        self.cldr = {code: BabelLocale.parse(BABEL_LOCALES[code]) for code in UN_LANGUAGE_CODES}
        self.summary = LoadSummary()

    @transaction.atomic
    def load(self):
        data = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
        for key, model in TERM_MODELS.items():
            terms = data.get(key) or []
            rows = []
            for position, term in enumerate(terms):
                where = f"{TAXONOMY_FILE.name}: {key} term {term.get('code')!r}"
                names = self.checked_names(term, where)
                rows.append((term["code"], names, {"sort_order": position}))
            self.upsert(model, rows)
        self.load_regions()
        self.load_countries()
        self.load_organisations()
        return self.summary

    def cldr_name(self, code, language):
        return self.cldr[language].territories.get(code)

    def names_from_cldr(self, code):
        names = {}
        for language in UN_LANGUAGE_CODES:
            name = self.cldr_name(code, language)
            if not name:
                raise VocabularyError(f"CLDR has no {language!r} name for territory {code!r}.")
            names[language] = name
        return names

    def load_regions(self):
        regions = list(walk_m49_regions())
        self.region_of_country = {}
        for level in (1, 2, 3):
            rows = []
            for name, region_level, parent, members in regions:
                if region_level != level:
                    continue
                code = M49_REGION_CODES[name]
                parent_code = M49_REGION_CODES[parent] if parent else None
                rows.append(
                    (code, self.names_from_cldr(code), {"level": level, "parent": parent_code})
                )
                for alpha3 in members:
                    self.region_of_country.setdefault(alpha3, {})[level] = code
            self.upsert(Region, rows, foreign_keys={"parent": Region})

    def un_country_names(self):
        data = yaml.safe_load(UN_COUNTRY_NAMES_FILE.read_text(encoding="utf-8"))
        names = {}
        for code, entry in (data.get("countries") or {}).items():
            where = f"{UN_COUNTRY_NAMES_FILE.name}: country {code!r}"
            if code not in iso_countries:
                raise VocabularyError(f"{where} is not an ISO 3166-1 alpha-2 code.")
            names[code] = self.checked_names(entry, where)
        return names

    def load_countries(self):
        ldc, lldc, sids = set(countrygroups.LDC), set(countrygroups.LLDC), set(countrygroups.SIDS)
        un_names = self.un_country_names()
        rows = []
        for position, (code, english_name) in enumerate(iso_countries):
            alpha3 = iso_countries.alpha3(code)
            path = self.region_of_country.get(alpha3, {})
            names = un_names.get(code) or {
                language: self.cldr_name(code, language) or str(english_name)
                for language in UN_LANGUAGE_CODES
            }
            rows.append(
                (
                    code,
                    names,
                    {
                        "sort_order": position,
                        "alpha3": alpha3,
                        "numeric": iso_countries.numeric(code, padded=True),
                        "region": path.get(1),
                        "sub_region": path.get(2),
                        "intermediate_region": path.get(3),
                        "is_ldc": alpha3 in ldc,
                        "is_lldc": alpha3 in lldc,
                        "is_sids": alpha3 in sids,
                    },
                )
            )
        regions = {"region": Region, "sub_region": Region, "intermediate_region": Region}
        self.upsert(Country, rows, foreign_keys=regions)

    def load_organisations(self):
        data = yaml.safe_load(ORGANISATIONS_FILE.read_text(encoding="utf-8"))
        known_types = set(OrganisationType.objects.values_list("code", flat=True))
        known_countries = set(Country.objects.values_list("code", flat=True))
        rows = []
        for position, entry in enumerate(data.get("organisations") or []):
            where = f"{ORGANISATIONS_FILE.name}: organisation {entry.get('code')!r}"
            names = self.checked_names(entry, where)
            if entry.get("type") not in known_types:
                raise VocabularyError(f"{where} has the unknown type {entry.get('type')!r}.")
            if entry.get("country") and entry["country"] not in known_countries:
                raise VocabularyError(f"{where} has the unknown country {entry['country']!r}.")
            fields = {
                "sort_order": position,
                "acronym": entry.get("acronym", ""),
                "organisation_type": entry["type"],
                "country": entry.get("country"),
                "website": entry.get("website", ""),
            }
            rows.append((entry["code"], names, fields))
        self.upsert(
            Organisation,
            rows,
            foreign_keys={"organisation_type": OrganisationType, "country": Country},
        )

    @staticmethod
    def checked_names(entry, where):
        names = entry.get("name") or {}
        for language in UN_LANGUAGE_CODES:
            if not str(names.get(language) or "").strip():
                raise VocabularyError(f"{where} has no name in {language!r}.")
        return names

    def upsert(self, model, rows, foreign_keys=None):
        """Create or update one row per (code, locale); translations share a translation_key.

        `rows` holds (code, names by language, other fields); a field named in
        `foreign_keys` holds a code, resolved to the row of that model in the same locale.
        """
        foreign_keys = foreign_keys or {}
        existing = {(obj.code, obj.locale_id): obj for obj in model.objects.all()}
        targets = {
            target: {
                (obj.code, obj.locale_id): obj.pk for obj in target.objects.only("code", "locale")
            }
            for target in set(foreign_keys.values())
        }
        to_create, to_update = [], []
        changed_fields = set()
        for code, names, fields in rows:
            source = existing.get((code, self.locales[source_language()].pk))
            translation_key = source.translation_key if source else uuid.uuid4()
            for language in UN_LANGUAGE_CODES:
                locale = self.locales[language]
                values = {"name": names[language]}
                for name, value in fields.items():
                    if name in foreign_keys:
                        target_pk = (
                            targets[foreign_keys[name]].get((value, locale.pk)) if value else None
                        )
                        values[f"{name}_id"] = target_pk
                    else:
                        values[name] = value
                obj = existing.get((code, locale.pk))
                if obj is None:
                    to_create.append(
                        model(code=code, locale=locale, translation_key=translation_key, **values)
                    )
                    continue
                diff = {name for name, value in values.items() if getattr(obj, name) != value}
                if diff:
                    for name in diff:
                        setattr(obj, name, values[name])
                    changed_fields |= diff
                    to_update.append(obj)
        model.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=500)
        self.summary.count(model, len(to_create), len(to_update))


def load_vocabularies():
    return VocabularyLoader().load()
