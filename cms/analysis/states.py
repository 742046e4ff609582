"""The reporting States as the figures group them: names, M49 regions and groups."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cms.core.models import Country, CountryGroup, Region


@dataclass(frozen=True)
class State:
    code: str
    name: str
    regions: frozenset = field(default_factory=frozenset)  # M49 codes at every level
    region: str = ""  # the M49 region (level 1)
    sub_region: str = ""
    groups: frozenset = field(default_factory=frozenset)  # CountryGroup values


@dataclass(frozen=True)
class Scope:
    """Which States a figure is about: all, those of one M49 area, or those of one group."""

    region: str = ""
    group: str = ""

    def admits(self, state):
        if self.region and self.region not in state.regions:
            return False
        return not self.group or self.group in state.groups


def reporting_states(language):
    """{code: State} for the 195 reporting States, named in `language`, sorted by name."""
    rows = (
        Country.objects.reporting_states()
        .localized(language)
        .values(
            "code",
            "name",
            "region__code",
            "sub_region__code",
            "intermediate_region__code",
            "is_ldc",
            "is_lldc",
            "is_sids",
        )
    )
    states = {}
    for row in sorted(rows, key=lambda row: row["name"]):
        regions = {
            row[key]
            for key in ("region__code", "sub_region__code", "intermediate_region__code")
            if row[key]
        }
        groups = {group for group in CountryGroup.values if row[f"is_{group}"]}
        states[row["code"]] = State(
            code=row["code"],
            name=row["name"],
            regions=frozenset(regions),
            region=row["region__code"] or "",
            sub_region=row["sub_region__code"] or "",
            groups=frozenset(groups),
        )
    return states


def region_names(language):
    return Region.objects.names(language)


def scope_label(scope, language):
    """How a heading names the States a figure is about."""
    if scope.region:
        name = region_names(language).get(scope.region, scope.region)
    else:
        name = _("All reporting States")
    if scope.group:
        name = f"{name} · {CountryGroup(scope.group).label}"
    return name


def breakdown_areas(scope, states):
    """The areas one level below the scope, as (code, member States) in M49 order.

    The world breaks down into regions, a region into its sub-regions, a sub-region into
    its intermediate regions where it has them; a leaf area does not break down.
    """
    members = [state for state in states.values() if scope.admits(state)]
    if not scope.region:
        level = {state.region for state in members if state.region}
        areas = Region.objects.source().filter(code__in=level, level=Region.Level.REGION)
    else:
        areas = Region.objects.source().filter(parent__code=scope.region)
    return [
        (area.code, [state for state in members if area.code in state.regions])
        for area in areas.order_by("code")
    ]
