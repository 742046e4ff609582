"""Load the controlled vocabularies in the six UN languages.

Thematic areas, MOSAIC modules, forms of assistance and organisation types come from
`data/taxonomy.yaml`, organisations from `data/organisations.yaml`. Regions (all three
levels, with their parents) and the names, regions and LDC / LLDC / SIDS groups of the
countries come from the UNSD M49 table (`data/m49/`); who is a Member State or a non-member
observer State comes from `data/un_membership.csv` (see `reference_data`). The countries are
every ISO 3166-1 code django-countries knows, territories included; a code that the M49
table lacks (e.g. TW) is named from CLDR through Babel and recorded in the summary's
`cldr_fallbacks`. Loading is idempotent and all-or-nothing.
"""

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale as BabelLocale
from django.db import transaction
from django_countries import countries as iso_countries
from wagtail.models import Locale

from . import reference_data
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
from .reference_data import ReferenceDataError

logger = logging.getLogger(__name__)

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.yaml"
ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.yaml"
M49_REGIONS_FILE = reference_data.M49_REGIONS_FILE
M49_COUNTRIES_FILE = reference_data.M49_COUNTRIES_FILE
UN_MEMBERSHIP_FILE = reference_data.UN_MEMBERSHIP_FILE

TERM_MODELS = {
    "thematic_areas": ThematicArea,
    "mosaic_modules": MosaicModule,
    "assistance_forms": AssistanceForm,
    "organisation_types": OrganisationType,
}


class VocabularyError(ReferenceDataError):
    """The vocabulary data is incomplete; the message names the term and language."""


@dataclass
class LoadSummary:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    # ISO codes the M49 table lacks, named from CLDR instead.
    cldr_fallbacks: list = field(default_factory=list)

    def count(self, model, created, updated):
        name = model._meta.verbose_name_plural
        self.created[name] = self.created.get(name, 0) + created
        self.updated[name] = self.updated.get(name, 0) + updated


class VocabularyLoader:
    def __init__(self):
        self.locales = {code: Locale.objects.get(language_code=code) for code in UN_LANGUAGE_CODES}
        self.cldr = {code: BabelLocale.parse(BABEL_LOCALES[code]) for code in UN_LANGUAGE_CODES}
        self.summary = LoadSummary()

    def load(self):
        try:
            return self.load_all()
        except ReferenceDataError as error:
            if isinstance(error, VocabularyError):
                raise
            raise VocabularyError(str(error)) from None

    @transaction.atomic
    def load_all(self):
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

    def names_from_cldr(self, code):
        names = {}
        for language in UN_LANGUAGE_CODES:
            name = self.cldr[language].territories.get(code)
            if not name:
                raise VocabularyError(f"CLDR has no {language!r} name for territory {code!r}.")
            names[language] = name
        return names

    def load_regions(self):
        regions = reference_data.read_regions(M49_REGIONS_FILE)
        self.region_codes = {region.code for region in regions}
        for level in (1, 2, 3):
            rows = [
                (region.code, region.names, {"level": level, "parent": region.parent})
                for region in regions
                if region.level == level
            ]
            self.upsert(Region, rows, foreign_keys={"parent": Region})

    def load_countries(self):
        m49 = reference_data.read_countries(M49_COUNTRIES_FILE, self.region_codes)
        states = reference_data.read_membership(UN_MEMBERSHIP_FILE)
        for code in sorted(set(m49) | set(states)):
            if code not in iso_countries:
                where = M49_COUNTRIES_FILE if code in m49 else UN_MEMBERSHIP_FILE
                raise VocabularyError(f"{where.name}: {code!r} is not an ISO 3166-1 code.")
            if code in states and code not in m49:
                raise VocabularyError(
                    f"{UN_MEMBERSHIP_FILE.name}: the State {code!r} has no M49 names."
                )
        rows = []
        for position, (code, _english_name) in enumerate(iso_countries):
            entry, state = m49.get(code), states.get(code)
            if entry is None:
                self.summary.cldr_fallbacks.append(code)
            rows.append(
                (
                    code,
                    entry.names if entry else self.names_from_cldr(code),
                    {
                        "sort_order": position,
                        "alpha3": iso_countries.alpha3(code),
                        "numeric": iso_countries.numeric(code, padded=True),
                        "region": entry.region if entry else None,
                        "sub_region": entry.sub_region if entry else None,
                        "intermediate_region": entry.intermediate_region if entry else None,
                        "is_ldc": bool(entry and entry.ldc),
                        "is_lldc": bool(entry and entry.lldc),
                        "is_sids": bool(entry and entry.sids),
                        "un_status": state.status if state else "",
                        "un_admission_date": state.admission_date if state else None,
                    },
                )
            )
        if self.summary.cldr_fallbacks:
            logger.info(
                "Countries named from CLDR, not in the M49 table: %s",
                ", ".join(self.summary.cldr_fallbacks),
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
