"""What the world overview page shows: a summary, a map, a trend and the States' table.

Every part is computed from the published reports as the analysis counts them
(`cms.analysis`), so that the map, the summary, the chart and the table of one page agree
with each other and with the analysis API. The API's `/reporting-status/` keeps its own
reading of the pages (`overview.py`).
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.analysis import maps, pictures
from cms.analysis.api.params import states_for
from cms.analysis.labels import REPORTING_CLASSES, number, percent
from cms.analysis.rates import never_reported, reporting_rates, reports_by_cycle, status_by_state
from cms.analysis.states import scope_label
from cms.core.models import CountryGroup

from .models import ReportingCycle
from .overview import STATUS_LABELS
from .overview_filters import INSTRUMENTS, cycle_name, read_filters, region_options


@dataclass(frozen=True)
class LegendRow:
    key: str
    label: str
    colour: str
    hatched: bool
    count: str  # States of the scope in the class, written in the language; "" for other land


@dataclass(frozen=True)
class StateRow:
    code: str
    name: str
    status: str
    label: str
    cycles: list  # the ReportingCycles the State reported for (on the instrument asked)


def default_cycle(cycles, reported_ids):
    """The latest cycle with a published report, else the one open for submissions."""
    reported = [cycle for cycle in cycles if cycle.pk in reported_ids]
    if reported:
        return reported[-1]
    return ReportingCycle.objects.open_for_submissions() or cycles[-1]


def offered_cycles(cycles, reported_ids):
    """The cycles up to the open one (or the latest reported): later ones have no report yet."""
    last = [cycle for cycle in cycles if cycle.is_open_for_submissions or cycle.pk in reported_ids]
    if not last:
        return cycles
    return [cycle for cycle in cycles if (cycle.year, cycle.code) <= (last[-1].year, last[-1].code)]


def legend_rows(statuses, language):
    colours = maps.class_colours(REPORTING_CLASSES)
    counts = dict.fromkeys(REPORTING_CLASSES, 0)
    for status in statuses.values():
        counts[status] += 1
    rows = [
        LegendRow(
            key=key,
            label=str(STATUS_LABELS[key]),
            colour=colours[key],
            hatched=key in maps.HATCHED_CLASSES,
            count=number(counts[key], language),
        )
        for key in REPORTING_CLASSES
    ]
    rows.append(
        LegendRow(
            key="not_covered",
            label=_("Not covered by this figure"),
            colour=maps.NOT_COVERED_COLOUR,
            hatched=False,
            count="",
        )
    )
    return rows


def state_rows(statuses, states, cycles, reports, instrument):
    """Each State of the scope, its status in the cycle shown and the cycles it reported for.

    `reports` is `reports_by_cycle` over `cycles`: {(cycle id, State code): (PoA, ITI)}.
    """
    cycle_by_id = {cycle.pk: cycle for cycle in cycles}
    reported = {}
    for (cycle_id, code), (covers_poa, covers_iti) in reports.items():
        if code in statuses and {"poa": covers_poa, "iti": covers_iti}.get(instrument, True):
            reported.setdefault(code, []).append(cycle_by_id[cycle_id])
    return [
        StateRow(
            code=code,
            name=states[code].name,
            status=status,
            label=str(STATUS_LABELS[status]),
            cycles=sorted(reported.get(code, []), key=lambda cycle: (cycle.year, cycle.code)),
        )
        for code, status in statuses.items()
    ]


def summary_sentence(rate, cycle, instrument, language):
    if not rate.states:
        return _("No reporting State is in both the region and the group chosen.")
    values = {
        "reported": number(rate.reported, language),
        "states": number(rate.states, language),
        "cycle": cycle_name(cycle),
    }
    if instrument == "poa":
        text = _(
            "%(reported)s of %(states)s reporting States reported on the PoA for the %(cycle)s."
        )
    elif instrument == "iti":
        text = _(
            "%(reported)s of %(states)s reporting States reported on the ITI for the %(cycle)s."
        )
    else:
        text = _("%(reported)s of %(states)s reporting States reported for the %(cycle)s.")
    return text % values


def overview_context(request, language):
    """The template context of the world overview page in `language`, filtered by `request`."""
    cycles = list(ReportingCycle.objects.order_by("year", "code"))
    if not cycles:
        # Migrations load the cycles; a site whose cycles were all deleted still answers.
        return {"no_cycles": True}
    states = states_for(request, language)
    # Who reported in which cycle, read as the analysis reads it.
    reports = reports_by_cycle([cycle.pk for cycle in cycles])
    reported_ids = {cycle_id for cycle_id, _code in reports}
    regions = region_options(states, language)
    filters = read_filters(
        request.GET,
        cycles,
        default_cycle(cycles, reported_ids),
        {option.code for _name, options in regions for option in options},
    )
    cycle, scope, instrument = filters.cycle, filters.scope, filters.instrument
    offered = offered_cycles(cycles, reported_ids)
    trend_cycles = sorted({*offered, cycle}, key=lambda item: (item.year, item.code))
    rates = reporting_rates(trend_cycles, scope, states, instrument)
    rate = next(total for rate_cycle, total, _areas in rates if rate_cycle == cycle)
    statuses = status_by_state(cycle, scope, states)
    scope_name = scope_label(scope, language)
    map_title = _("Reporting status, %(cycle)s: %(scope)s") % {
        "cycle": cycle_name(cycle),
        "scope": scope_name,
    }
    instrument_name = dict(instrument_choices()).get(instrument, "")
    chart_title = _("Reporting rate by cycle: %(scope)s") % {"scope": scope_name}
    if instrument:
        chart_title = f"{chart_title} · {instrument_name}"
    rows = state_rows(statuses, states, cycles, reports, instrument)
    never = never_reported(scope, states, instrument)
    return {
        "filters": filters,
        "cycle_name": cycle_name(cycle),
        "cycle_options": [(item.code, cycle_option(item)) for item in trend_cycles],
        "region_options": regions,
        "group_options": CountryGroup.choices,
        "instrument_options": instrument_choices(),
        "scope_name": scope_name,
        "summary": summary_sentence(rate, cycle, instrument, language),
        "rate_percent": percent(rate.share, language),
        "poa_count": number(rate.poa, language),
        "iti_count": number(rate.iti, language),
        # Drawn by `maps` and `charts`, which escape every text they place in the SVG.
        "map_svg": mark_safe(pictures.reporting_map(statuses, states, map_title, language)),  # noqa: S308
        "map_title": map_title,
        "legend": legend_rows(statuses, language),
        "rates_svg": mark_safe(pictures.rates_chart(rates, chart_title, language)),  # noqa: S308
        "state_rows": rows,
        "state_count": number(len(rows), language),
        "never_reported": never,
        "never_reported_count": number(len(never), language),
        "instrument_note": instrument_note(instrument),
    }


def instrument_choices():
    return [(instrument.value, str(instrument.label)) for instrument in INSTRUMENTS]


def instrument_note(instrument):
    """Why the map may show reports that the counts, narrowed to one instrument, leave out."""
    if instrument == "poa":
        return _(
            "Only reports on the PoA are counted. The map and the table still tell both "
            "instruments apart."
        )
    if instrument == "iti":
        return _(
            "Only reports on the ITI are counted. The map and the table still tell both "
            "instruments apart."
        )
    return ""


def cycle_option(cycle):
    if cycle.is_open_for_submissions:
        return _("%(cycle)s, open for submissions") % {"cycle": cycle_name(cycle)}
    return cycle_name(cycle)
