"""Keep the counted answers (`StateReport`, `StateAnswer`) in step with the published reports.

Publishing, unpublishing or deleting a national report enqueues one outbox message per State
and cycle; the handler recounts that pair from the pages as they are then, so replaying a
message, or handling two at once, leaves the same rows.
"""

from django.db import transaction

from cms.api.caching import bump_version
from cms.core.instruments import Instrument
from cms.library.models import NationalReportPage, ReportingCycle
from cms.library.questionnaire.answers import STATUS_VALUES

from .models import StateAnswer, StateReport

REFRESH_TOPIC = "analysis.refresh-state-cycle"


def schedule_refresh(country_code, cycle_code):
    from cms.outbox.service import enqueue

    enqueue(
        REFRESH_TOPIC,
        f"state-cycle:{country_code}:{cycle_code}",
        {"country": country_code, "cycle": cycle_code},
    )


def counted_report(country_code, cycle):
    """The report that speaks for a State in a cycle: its live, public report published last.

    Translations of a report carry the same answers; a later report (an update or a
    correction filed as a new page) replaces the earlier one.
    """
    return (
        NationalReportPage.objects.live()
        .public()
        .filter(country__code=country_code, cycle=cycle)
        .order_by("-last_published_at", "pk")
        .first()
    )


def reduced(value):
    """(status, number, entry count) of one answer value, as figures count it."""
    if isinstance(value, str) and value in STATUS_VALUES:
        return value, None, None
    if isinstance(value, bool):
        return "", None, None
    if isinstance(value, (int, float)):
        return "", float(value), None
    if isinstance(value, list):
        return "", None, len(value)
    return "", None, None


def answer_rows(state_report, answers):
    rows = []
    for question_code, answer in (answers or {}).items():
        if not isinstance(answer, dict):
            continue
        status, number, entry_count = reduced(answer.get("value"))
        if not status and number is None and entry_count is None:
            continue  # free text counts in no figure
        rows.append(
            StateAnswer(
                state_report=state_report,
                question_code=question_code,
                status=status,
                number=number,
                entry_count=entry_count,
            )
        )
    return rows


@transaction.atomic
def refresh(country_code, cycle_code):
    """Recount one State in one cycle from its published reports; returns the counted row."""
    cycle = ReportingCycle.objects.filter(code=cycle_code).first()
    if cycle is None:
        return None
    StateReport.objects.filter(cycle=cycle, country_code=country_code).delete()
    # Cached API answers were computed from the rows replaced here.
    transaction.on_commit(bump_version)
    report = counted_report(country_code, cycle)
    if report is None:
        return None
    state_report = StateReport.objects.create(
        cycle=cycle,
        country_code=country_code,
        report=report,
        covers_poa=report.instrument in (Instrument.POA, Instrument.BOTH),
        covers_iti=report.instrument in (Instrument.ITI, Instrument.BOTH),
        published_at=report.last_published_at,
    )
    StateAnswer.objects.bulk_create(answer_rows(state_report, report.answers))
    return state_report


@transaction.atomic
def rebuild():
    """Recount every State and cycle; returns the number of reports counted."""
    StateReport.objects.all().delete()
    pairs = (
        NationalReportPage.objects.live()
        .public()
        .values_list("country__code", "cycle__code")
        .distinct()
    )
    return sum(1 for country, cycle in sorted(set(pairs)) if refresh(country, cycle))
