"""Reporting rates: how many States reported in each cycle, on which instrument; who never did."""

from dataclasses import dataclass

from cms.library.models import ReportingCycle
from cms.library.overview import ITI_ONLY, NOT_REPORTED, POA_AND_ITI, POA_ONLY

from .models import CycleReports, StateReport
from .states import breakdown_areas


@dataclass
class Rate:
    code: str  # the area code, "" for the whole scope
    states: int
    reported: int  # on either instrument, or on the one asked for
    poa: int
    iti: int

    @property
    def share(self):
        return self.reported / self.states if self.states else None


def reports_by_cycle(cycle_ids):
    """{(cycle id, State code): (covers PoA, covers ITI)}"""
    return {
        (cycle_id, code): tuple(covers)
        for cycle_id, reports in CycleReports.objects.filter(cycle_id__in=cycle_ids).values_list(
            "cycle_id", "reports"
        )
        for code, covers in reports.items()
    }


def rate(code, members, reports, cycle_id, instrument=""):
    covered = [
        reports[(cycle_id, state.code)] for state in members if (cycle_id, state.code) in reports
    ]
    poa = sum(1 for covers_poa, _ in covered if covers_poa)
    iti = sum(1 for _, covers_iti in covered if covers_iti)
    reported = {"poa": poa, "iti": iti}.get(instrument, len(covered))
    return Rate(code=code, states=len(members), reported=reported, poa=poa, iti=iti)


def reporting_rates(cycles, scope, states, instrument=""):
    """[(cycle, Rate of the scope, [Rate per area one level below])], oldest cycle first."""
    reports = reports_by_cycle([cycle.pk for cycle in cycles])
    members = [state for state in states.values() if scope.admits(state)]
    areas = breakdown_areas(scope, states)
    return [
        (
            cycle,
            rate("", members, reports, cycle.pk, instrument),
            [rate(code, area_states, reports, cycle.pk, instrument) for code, area_states in areas],
        )
        for cycle in cycles
    ]


def never_reported(scope, states, instrument=""):
    """The States of the scope with no published report in any cycle (on the instrument)."""
    reports = StateReport.objects.all()
    if instrument:
        reports = reports.filter(**{f"covers_{instrument}": True})
    reported = set(reports.values_list("country_code", flat=True))
    return [
        state for state in states.values() if scope.admits(state) and state.code not in reported
    ]


def status_by_state(cycle, scope, states):
    """{State code: reporting status} in a cycle, in the world overview's four statuses."""
    reports = reports_by_cycle([cycle.pk])
    statuses = {}
    for state in states.values():
        if not scope.admits(state):
            continue
        poa, iti = reports.get((cycle.pk, state.code), (False, False))
        statuses[state.code] = (
            POA_AND_ITI if poa and iti else POA_ONLY if poa else ITI_ONLY if iti else NOT_REPORTED
        )
    return statuses


def reported_cycles():
    """The cycles with at least one counted report, oldest first."""
    return ReportingCycle.objects.filter(pk__in=StateReport.objects.values("cycle_id")).order_by(
        "year", "code"
    )
