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

from .models import CycleAnswers, CycleReports, StateAnswer, StateReport

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
    return published_reports(country_code, cycle).order_by("-last_published_at", "pk").first()


def published_reports(country_code, cycle):
    return (
        NationalReportPage.objects.live().public().filter(country__code=country_code, cycle=cycle)
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


def recount(country_code, cycle):
    """Replace the counted rows of one State in one cycle; True if a report counts."""
    StateReport.objects.filter(cycle=cycle, country_code=country_code).delete()
    report = counted_report(country_code, cycle)
    if report is None:
        return False
    # A State that reported on each instrument in a separate report reported on both, as
    # the reporting status says; the answers are those of the report published last.
    instruments = set(published_reports(country_code, cycle).values_list("instrument", flat=True))
    state_report = StateReport.objects.create(
        cycle=cycle,
        country_code=country_code,
        report=report,
        covers_poa=bool(instruments & {Instrument.POA, Instrument.BOTH}),
        covers_iti=bool(instruments & {Instrument.ITI, Instrument.BOTH}),
        published_at=report.last_published_at,
    )
    StateAnswer.objects.bulk_create(answer_rows(state_report, report.answers))
    return True


def roll_up(cycle):
    """Rewrite the cycle's roll-ups from its counted rows."""
    CycleReports.objects.update_or_create(
        cycle=cycle,
        defaults={
            "reports": {
                code: [poa, iti]
                for code, poa, iti in StateReport.objects.filter(cycle=cycle).values_list(
                    "country_code", "covers_poa", "covers_iti"
                )
            }
        },
    )
    by_question = {}
    for code, question, status, number, entries in StateAnswer.objects.filter(
        state_report__cycle=cycle
    ).values_list("state_report__country_code", "question_code", "status", "number", "entry_count"):
        by_question.setdefault(question, {})[code] = [status, number, entries]
    CycleAnswers.objects.filter(cycle=cycle).delete()
    CycleAnswers.objects.bulk_create(
        CycleAnswers(cycle=cycle, question_code=question, answers=answers)
        for question, answers in by_question.items()
    )


def locked_cycle(cycle_code):
    """The cycle, locked until the transaction ends: one recount of a cycle at a time, so that
    two States published together both reach the roll-ups."""
    return ReportingCycle.objects.select_for_update().filter(code=cycle_code).first()


@transaction.atomic
def refresh(country_code, cycle_code):
    """Recount one State in one cycle from its published reports; True if a report counts."""
    cycle = locked_cycle(cycle_code)
    if cycle is None:
        return False
    counted = recount(country_code, cycle)
    roll_up(cycle)
    # Cached API answers were computed from the rows replaced here.
    transaction.on_commit(bump_version)
    return counted


@transaction.atomic
def rebuild():
    """Recount every State and cycle; returns the number of reports counted."""
    StateReport.objects.all().delete()
    CycleReports.objects.all().delete()
    CycleAnswers.objects.all().delete()
    pairs = sorted(
        set(NationalReportPage.objects.live().public().values_list("country__code", "cycle__code"))
    )
    counted = 0
    for cycle in ReportingCycle.objects.filter(code__in={cycle for _country, cycle in pairs}):
        counted += sum(recount(country, cycle) for country, code in pairs if code == cycle.code)
        roll_up(cycle)
    transaction.on_commit(bump_version)
    return counted
