"""The analysis of the national reports: counts, shares, sums and medians of the answers.

Every figure rests on the published reports counted in `StateReport` / `StateAnswer` and
says how many reports it rests on (`Tally.reported`), so that a share over three reports is
never read as a global one. A State "reported" on a question in a cycle when its counted
report covers the question's instrument or answers the question.
"""

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Max

from cms.library.models import QuestionnaireQuestion, QuestionnaireVersion, ReportingCycle
from cms.library.questionnaire.answers import STATUS_VALUES

from .models import CycleAnswers, CycleReports, StateAnswer
from .states import breakdown_areas

# Below this many reports a share is shown with a warning that it describes few States.
SMALL_BASE = 10
NOT_ANSWERED = "not_answered"
NOT_REPORTED = "not_reported"
ANALYSED_TYPES = ("yes_no_in_development", "number", "list")
# How far a status is from "in place": a move up is progress, a move down a regression.
PROGRESS_ORDER = {"no": 0, "in_development": 1, "yes": 2}


class UnknownQuestion(LookupError):
    pass


@dataclass
class Tally:
    """One question's answers among a set of States in one cycle."""

    code: str  # the area or group code, "" for the whole scope
    states: int = 0  # States in the set: the denominator of "share of all States"
    reported: int = 0  # of them, States whose counted report speaks to the question
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUS_VALUES, 0))
    numbers: list = field(default_factory=list)

    @property
    def answered(self):
        return sum(self.counts.values()) + len(self.numbers)

    @property
    def not_answered(self):
        return self.reported - self.answered

    @property
    def small_base(self):
        return self.reported < SMALL_BASE

    def share(self, status):
        """The share of reporting States that answered `status`; None over no report."""
        return self.counts[status] / self.reported if self.reported else None

    def share_of_all(self, status):
        return self.counts[status] / self.states if self.states else None

    @property
    def total(self):
        return sum(self.numbers) if self.numbers else None

    @property
    def median(self):
        return statistics.median(self.numbers) if self.numbers else None

    def add(self, answer):
        self.reported += 1
        if answer is None:
            return
        status, number = answer
        if status in self.counts:
            self.counts[status] += 1
        elif number is not None:
            self.numbers.append(number)


@dataclass
class QuestionFigures:
    question: QuestionnaireQuestion
    cycle: ReportingCycle
    total: Tally
    areas: list  # Tally per area one level below the scope
    groups: list  # Tally per country group (LDC, LLDC, SIDS) within the scope
    by_state: dict  # code -> (status, number), NOT_ANSWERED or NOT_REPORTED


# The catalogue, kept per process for as long as no questionnaire version is (re)loaded.
_catalogue = (None, {})


def question_catalogue():
    """{code: question} over every questionnaire version, the latest wording of each code."""
    global _catalogue
    stamp = QuestionnaireVersion.objects.aggregate(loaded=Max("loaded_at"), count=Count("pk"))
    key = (stamp["loaded"], stamp["count"])
    if _catalogue[0] != key:
        _catalogue = (key, read_catalogue())
    return _catalogue[1]


def read_catalogue():
    catalogue = {}
    for question in (
        QuestionnaireQuestion.objects.filter(answer_type__in=ANALYSED_TYPES)
        .select_related("section", "section__version")
        .order_by("section__version__code", "section__sort_order", "sort_order")
    ):
        catalogue[question.code] = question
    return catalogue


def question_by_code(code):
    question = question_catalogue().get(code)
    if question is None:
        raise UnknownQuestion(code)
    return question


def value_of(answer_row, question):
    status, number, entries = answer_row
    if question.answer_type == "list":
        return "", float(entries) if entries is not None else None
    return status, number


def speaks_to(covers_poa, covers_iti, question, answered):
    if answered:
        return True
    if question.instrument == "poa":
        return covers_poa
    if question.instrument == "iti":
        return covers_iti
    return covers_poa or covers_iti


def state_values(question, cycle_ids, instrument=""):
    """{(cycle id, State code): (status, number) | NOT_ANSWERED} for reports speaking to it."""
    rows = CycleAnswers.objects.filter(cycle_id__in=cycle_ids, question_code=question.code)
    answers = dict(rows.values_list("cycle_id", "answers"))
    values = {}
    for cycle_id, reports in CycleReports.objects.filter(cycle_id__in=cycle_ids).values_list(
        "cycle_id", "reports"
    ):
        cycle_answers = answers.get(cycle_id, {})
        for code, (covers_poa, covers_iti) in reports.items():
            if instrument and not (covers_poa if instrument == "poa" else covers_iti):
                continue
            answer = cycle_answers.get(code)
            if answer is not None:
                answer = value_of(answer, question)
                if not answer[0] and answer[1] is None:
                    answer = None
            if speaks_to(covers_poa, covers_iti, question, answer is not None):
                values[(cycle_id, code)] = answer or NOT_ANSWERED
    return values


def tally(code, states, values, cycle_id):
    result = Tally(code=code, states=len(states))
    for state in states:
        value = values.get((cycle_id, state.code), NOT_REPORTED)
        if value == NOT_REPORTED:
            continue
        result.add(None if value == NOT_ANSWERED else value)
    return result


def question_figures(question, cycle, scope, states, instrument=""):
    """The figures of one question in one cycle for the States of `scope`."""
    values = state_values(question, [cycle.pk], instrument)
    members = [state for state in states.values() if scope.admits(state)]
    groups = [
        tally(group, [state for state in members if group in state.groups], values, cycle.pk)
        for group in ("ldc", "lldc", "sids")
    ]
    return QuestionFigures(
        question=question,
        cycle=cycle,
        total=tally("", members, values, cycle.pk),
        areas=[
            tally(code, area_states, values, cycle.pk)
            for code, area_states in breakdown_areas(scope, states)
        ],
        groups=groups,
        by_state={
            state.code: values.get((cycle.pk, state.code), NOT_REPORTED) for state in members
        },
    )


def question_trend(question, cycles, scope, states, instrument=""):
    """[(cycle, Tally)] for each cycle, oldest first: how the answers moved over time."""
    values = state_values(question, [cycle.pk for cycle in cycles], instrument)
    members = [state for state in states.values() if scope.admits(state)]
    return [(cycle, tally("", members, values, cycle.pk)) for cycle in cycles]


@dataclass
class Change:
    question: QuestionnaireQuestion
    before: str
    after: str

    @property
    def direction(self):
        if self.before in PROGRESS_ORDER and self.after in PROGRESS_ORDER:
            step = PROGRESS_ORDER[self.after] - PROGRESS_ORDER[self.before]
            return "progress" if step > 0 else "regression"
        return "change"


def state_changes(country_code, before_cycle, after_cycle):
    """The status answers of a State that differ between its reports of two cycles."""
    catalogue = question_catalogue()
    answers = {}
    for cycle in (before_cycle, after_cycle):
        answers[cycle.pk] = dict(
            StateAnswer.objects.filter(
                state_report__country_code=country_code, state_report__cycle=cycle
            )
            .exclude(status="")
            .values_list("question_code", "status")
        )
    before, after = answers[before_cycle.pk], answers[after_cycle.pk]
    changes = [
        Change(question=catalogue[code], before=before[code], after=after[code])
        for code in before.keys() & after.keys()
        if before[code] != after[code] and code in catalogue
    ]
    return sorted(changes, key=lambda change: change.question.code)
