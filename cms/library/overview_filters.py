"""The filters of the world overview page, read from its query string.

The page is a GET form that works without JavaScript, so its address can be shared with its
filters. A value the page does not know is left out with a message saying so, never an
error page: a reader who edited the address by hand still gets the overview.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cms.analysis.states import Scope, region_names
from cms.core.instruments import Instrument
from cms.core.models import CountryGroup, Region

INSTRUMENTS = (Instrument.POA, Instrument.ITI)
# A refused value is repeated in its message; an address can hold a long one.
SHOWN_CHARACTERS = 40


@dataclass(frozen=True)
class Filters:
    cycle: object  # the ReportingCycle shown
    region: str = ""  # an M49 code, "" for the world
    group: str = ""  # a CountryGroup value, "" for every State
    instrument: str = ""  # "poa", "iti", "" for both
    problems: tuple = ()  # why a value of the query string was left out

    @property
    def scope(self):
        return Scope(region=self.region, group=self.group)

    @property
    def is_narrowed(self):
        return bool(self.region or self.group or self.instrument)


@dataclass(frozen=True)
class RegionOption:
    code: str
    name: str
    depth: int  # 0 region, 1 sub-region, 2 intermediate region


def cycle_name(cycle):
    """A cycle as readers know it: the meeting's name and the year its reports carry."""
    return f"{cycle.label} ({cycle.year})"


def region_options(states, language):
    """[(region name, [RegionOption])]: the M49 areas holding reporting States, as a tree.

    Each region comes with its sub-regions and, under those, the intermediate regions
    (Caribbean, Eastern Africa...), each level sorted by its name in `language`.
    """
    populated = set().union(*(state.regions for state in states.values()))
    names = region_names(language)
    children = defaultdict(list)
    for code, parent in (
        Region.objects.source().filter(code__in=populated).values_list("code", "parent__code")
    ):
        children[parent].append(code)

    def by_name(codes):
        return sorted(codes, key=lambda code: names.get(code, code))

    tree = []
    for region in by_name(children[None]):
        options = [RegionOption(region, names.get(region, region), 0)]
        for sub_region in by_name(children[region]):
            options.append(RegionOption(sub_region, names.get(sub_region, sub_region), 1))
            options += [
                RegionOption(code, names.get(code, code), 2)
                for code in by_name(children[sub_region])
            ]
        tree.append((names.get(region, region), options))
    return tree


def shown(value):
    value = " ".join(value.split())
    if len(value) > SHOWN_CHARACTERS:
        return value[:SHOWN_CHARACTERS] + "…"
    return value


def read_cycle(value, cycles, default, problems):
    if not value:
        return default
    by_code = {cycle.code.lower(): cycle for cycle in cycles}
    cycle = by_code.get(value.lower())
    if cycle is None:
        problems.append(
            _("There is no reporting cycle “%(value)s”; the page shows the %(cycle)s.")
            % {"value": shown(value), "cycle": cycle_name(default)}
        )
        return default
    return cycle


def read_region(value, region_codes, problems):
    # M49 codes have three digits; "2" is read as Africa, 002, as M49 tables often print it.
    code = value.zfill(3) if value.isdigit() else value
    if not value or code in region_codes:
        return code
    problems.append(
        _(
            "There is no UN M49 region “%(value)s” with reporting States; "
            "the page shows all regions."
        )
        % {"value": shown(value)}
    )
    return ""


def read_group(value, problems):
    if not value or value.lower() in CountryGroup.values:
        return value.lower()
    problems.append(
        _("There is no country group “%(value)s”; the page shows every State.")
        % {"value": shown(value)}
    )
    return ""


def read_instrument(value, problems):
    if not value or value.lower() in INSTRUMENTS:
        return value.lower()
    problems.append(
        _("There is no instrument “%(value)s”; the page counts reports on the PoA and the ITI.")
        % {"value": shown(value)}
    )
    return ""


def read_filters(query, cycles, default_cycle, region_codes):
    """The Filters of a query string; unknown values give way to the defaults, with a message."""
    problems = []
    cycle = read_cycle(query.get("cycle", "").strip(), cycles, default_cycle, problems)
    region = read_region(query.get("region", "").strip(), region_codes, problems)
    group = read_group(query.get("group", "").strip(), problems)
    instrument = read_instrument(query.get("instrument", "").strip(), problems)
    return Filters(
        cycle=cycle, region=region, group=group, instrument=instrument, problems=tuple(problems)
    )
