"""Resolve country, region and country-group names to codes.

Countries resolve to ISO 3166-1 alpha-2 codes, regions to UN M49 codes, the LDC / LLDC /
SIDS groups (and "developing countries") to group codes, and phrases such as "All Member
States" to global scope. Names are matched in the six UN languages: the United Nations'
own short names of the M49 table ("Bolivia (Plurinational State of)", "Türkiye", "Asie du
Sud-Est"), CLDR's names through Babel, the ISO "Name, qualifier" forms and a few common
English variants. A name that matches nothing, or more than one place, raises instead of
being guessed. Whether a country may be named in a given place (only a reporting State
states needs) is for the records' own validation.
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from babel import Locale
from django.utils.translation import gettext as _
from django_countries.data import ALT_CODES

from cms.core.languages import BABEL_LOCALES
from cms.core.reference_data import read_countries, read_regions

ISO_ALPHA2 = frozenset(ALT_CODES)
ALPHA3_TO_ALPHA2 = {alpha3: alpha2 for alpha2, (alpha3, _numeric) in ALT_CODES.items()}

# Babel locale of each UN language whose names are matched.
NAME_LANGUAGES = tuple(BABEL_LOCALES.values())

# UN M49 regions, sub-regions and intermediate regions: {code: English name}.
M49_REGIONS = {region.code: region.names["en"] for region in read_regions()}

REGION_ALIASES = {
    "The Americas": "019",
    "Latin America": "419",
    "Latin America & the Caribbean": "419",
    "North Africa": "015",
    "East Africa": "014",
    "Central Africa": "017",
    "West Africa": "011",
    "East Asia": "030",
    "South Asia": "034",
    "Southeast Asia": "035",
    "South-East Asia": "035",
    "West Asia": "145",
}

# United Nations short names, ISO "Name, qualifier" forms and common variants that CLDR's
# English names do not cover.
COUNTRY_ALIASES = {
    "Bolivia (Plurinational State of)": "BO",
    "Bolivia, Plurinational State of": "BO",
    "Venezuela (Bolivarian Republic of)": "VE",
    "Venezuela, Bolivarian Republic of": "VE",
    "Iran (Islamic Republic of)": "IR",
    "Iran, Islamic Republic of": "IR",
    "Democratic People's Republic of Korea": "KP",
    "Korea, Democratic People's Republic of": "KP",
    "Republic of Korea": "KR",
    "Korea, Republic of": "KR",
    "Lao People's Democratic Republic": "LA",
    "Micronesia (Federated States of)": "FM",
    "Micronesia, Federated States of": "FM",
    "Republic of Moldova": "MD",
    "Moldova, Republic of": "MD",
    "United Republic of Tanzania": "TZ",
    "Tanzania, United Republic of": "TZ",
    "Syrian Arab Republic": "SY",
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Democratic Republic of the Congo": "CD",
    "Congo, The Democratic Republic of the": "CD",
    "Congo": "CG",
    "Republic of the Congo": "CG",
    "Viet Nam": "VN",
    "Russian Federation": "RU",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "UK": "GB",
    "United States of America": "US",
    "USA": "US",
    "UAE": "AE",
    "State of Palestine": "PS",
    "Palestine, State of": "PS",
    "Palestine": "PS",
    "Holy See": "VA",
    "Czech Republic": "CZ",
    "Swaziland": "SZ",
    "The former Yugoslav Republic of Macedonia": "MK",
    "Cabo Verde": "CV",
    "Brunei Darussalam": "BN",
    "Netherlands (Kingdom of the)": "NL",
    "Sao Tome and Principe": "ST",
    "Saint Kitts and Nevis": "KN",
    "Saint Lucia": "LC",
    "Saint Vincent and the Grenadines": "VC",
    "East Timor": "TL",
    "Myanmar": "MM",
    "Burma": "MM",
    "Libyan Arab Jamahiriya": "LY",
    "China, Hong Kong Special Administrative Region": "HK",
    "China, Macao Special Administrative Region": "MO",
}


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"
    GROUP = "group"
    GLOBAL = "global"


class CountryGroup(StrEnum):
    LDC = "LDC"
    LLDC = "LLDC"
    SIDS = "SIDS"
    # Kept as written: the UN no longer maintains a list of its members.
    DEVELOPING = "DEVELOPING"


GROUP_NAMES = {
    "Least Developed Countries": CountryGroup.LDC,
    "LDC": CountryGroup.LDC,
    "LDCs": CountryGroup.LDC,
    "Landlocked Developing Countries": CountryGroup.LLDC,
    "Land-locked Developing Countries": CountryGroup.LLDC,
    "LLDC": CountryGroup.LLDC,
    "LLDCs": CountryGroup.LLDC,
    "Small Island Developing States": CountryGroup.SIDS,
    "SIDS": CountryGroup.SIDS,
    "Developing Countries": CountryGroup.DEVELOPING,
    "Developing States": CountryGroup.DEVELOPING,
}

GLOBAL_NAMES = (
    "All Member States",
    "All States",
    "All countries",
    "Global",
    "Worldwide",
    "World",
    "Interregional",
)


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    code: str  # ISO alpha-2, M49 code, CountryGroup value, or "" for global scope

    def __str__(self):
        return f"{self.kind}:{self.code}" if self.code else str(self.kind)


GLOBAL = Place(PlaceKind.GLOBAL, "")


class PlaceError(ValueError):
    pass


class UnknownPlace(PlaceError):
    def __init__(self, name):
        super().__init__(_("unknown country or region %(name)r") % {"name": name})
        self.name = name


class AmbiguousPlace(PlaceError):
    def __init__(self, name, places):
        listed = ", ".join(sorted(str(place) for place in places))
        super().__init__(
            _("%(name)r could be any of %(places)s") % {"name": name, "places": listed}
        )
        self.name = name
        self.places = places


class NotACountry(PlaceError):
    def __init__(self, name, place):
        message = {
            PlaceKind.REGION: _("%(name)r is a region, not a country"),
            PlaceKind.GROUP: _("%(name)r is a group of countries, not a country"),
        }.get(place.kind, _("%(name)r means all countries, not one"))
        super().__init__(message % {"name": name})
        self.name = name
        self.place = place


def normalise_name(name):
    """Fold case, accents, apostrophes, '&' and punctuation so spellings compare equal."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _add(index, name, place):
    key = normalise_name(name)
    if key:
        index.setdefault(key, set()).add(place)


@cache
def _indexes():
    """Return (English index, other-language index): normalised name -> set of places."""
    english, others = {}, {}
    for name, code in COUNTRY_ALIASES.items():
        _add(english, name, Place(PlaceKind.COUNTRY, code))
    m49_names = [
        (Place(PlaceKind.COUNTRY, country.code), country.names)
        for country in read_countries().values()
    ]
    m49_names += [(Place(PlaceKind.REGION, region.code), region.names) for region in read_regions()]
    for place, names in m49_names:
        for language, name in names.items():
            _add(english if language == "en" else others, name, place)
    for name, code in REGION_ALIASES.items():
        _add(english, name, Place(PlaceKind.REGION, code))
    for name, group in GROUP_NAMES.items():
        _add(english, name, Place(PlaceKind.GROUP, group.value))
    for name in GLOBAL_NAMES:
        _add(english, name, GLOBAL)
    for language in NAME_LANGUAGES:
        index = english if language == "en" else others
        territories = Locale.parse(language).territories
        for code in ISO_ALPHA2:
            if code in territories:
                _add(index, territories[code], Place(PlaceKind.COUNTRY, code))
        for code in M49_REGIONS:
            if code in territories:
                _add(index, territories[code], Place(PlaceKind.REGION, code))
    return english, others


def resolve_place(name):
    """Return the one Place a name stands for; raise UnknownPlace or AmbiguousPlace."""
    text = name.strip()
    # Two or three capitals are a code (alpha-2 or alpha-3), never a word such as "Chad".
    if re.fullmatch(r"[A-Z]{2,3}", text):
        alpha2 = text if len(text) == 2 else ALPHA3_TO_ALPHA2.get(text)
        if alpha2 in ISO_ALPHA2:
            return Place(PlaceKind.COUNTRY, alpha2)
    key = normalise_name(text)
    for index in _indexes():
        places = index.get(key)
        if places:
            if len(places) > 1:
                raise AmbiguousPlace(text, places)
            return next(iter(places))
    raise UnknownPlace(text)


def resolve_country(name):
    """Return the ISO alpha-2 code of a country name or code; raise PlaceError otherwise."""
    place = resolve_place(name)
    if place.kind != PlaceKind.COUNTRY:
        raise NotACountry(name.strip(), place)
    return place.code


def _split_top_level(text, separators):
    """Split on separator characters outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if depth == 0 and char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def resolve_places(text):
    """Resolve a list of places written as prose: "Nepal, Panama and Uruguay".

    Returns (places in order of first mention, errors). Items are separated by semicolons,
    slashes, line breaks, commas and "and"; comma-joined pieces are tried together first so
    that "Korea, Republic of" stays one name, and "and" splits only a piece that is not a
    name itself ("Trinidad and Tobago", "Latin America and the Caribbean").
    """
    places, errors = [], []

    def found(place):
        if place not in places:
            places.append(place)

    for chunk in _split_top_level(text, ";/\n"):
        pieces = _split_top_level(chunk, ",")
        start = 0
        while start < len(pieces):
            for width in (3, 2, 1):
                candidate = ", ".join(pieces[start : start + width])
                if width > len(pieces) - start:
                    continue
                try:
                    found(resolve_place(_strip_conjunction(candidate)))
                except UnknownPlace:
                    if width > 1:
                        continue
                    _resolve_with_and(candidate, found, errors)
                except AmbiguousPlace as error:
                    errors.append(error)
                start += width
                break
    return places, errors


def _strip_conjunction(text):
    return re.sub(r"^(and|&)\s+", "", text.strip(), flags=re.IGNORECASE)


def _resolve_with_and(text, found, errors):
    """Split "Côte d'Ivoire and Trinidad and Tobago" at the "and"s that separate names.

    All or nothing: "Central and Eastern Europe" must not turn into Eastern Europe alone.
    """
    parts = [part for part in re.split(r"\s+(?:and|&)\s+", text) if part.strip()]
    readings = _readings(tuple(parts)) if len(parts) > 1 else []
    if len(readings) == 1:
        for place in readings[0]:
            found(place)
    elif len(readings) > 1:
        errors.append(AmbiguousPlace(text, {place for reading in readings for place in reading}))
    else:
        errors.append(UnknownPlace(_strip_conjunction(text)))


def _readings(parts):
    """Every way of grouping consecutive parts into names that resolve."""
    readings = []
    for width in range(1, len(parts) + 1):
        try:
            place = resolve_place(_strip_conjunction(" and ".join(parts[:width])))
        except PlaceError:
            continue
        if width == len(parts):
            readings.append([place])
        else:
            readings.extend([place, *rest] for rest in _readings(parts[width:]))
    return readings
