"""The tables behind every figure: one shape for the API's CSV and XLSX, the admin and the PDF."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from cms.core.models import CountryGroup
from cms.library.questionnaire.answers import STATUS_LABELS, STATUS_VALUES

from .labels import answer_label, number, percent
from .states import region_names


@dataclass
class Table:
    title: str
    columns: list
    rows: list  # lists of plain values (text or numbers), one per column


def tally_row(name, tally, question, language):
    row = [name, tally.states, tally.reported]
    if question.answer_type == "yes_no_in_development":
        for status in STATUS_VALUES:
            row += [tally.counts[status], percent(tally.share(status), language)]
        row.append(tally.not_answered)
    else:
        row += [len(tally.numbers), number(tally.total, language), number(tally.median, language)]
    return row


def tally_columns(question):
    columns = [_("States"), _("States in the set"), _("Reports")]
    if question.answer_type == "yes_no_in_development":
        for status in STATUS_VALUES:
            label = str(STATUS_LABELS[status])
            columns += [label, _("%(answer)s, share of reports") % {"answer": label}]
        columns.append(_("Reported, not answered"))
    else:
        columns += [_("Answers"), _("Total"), _("Median")]
    return columns


def answer_table(figures, scope_name, language):
    """The question's figures for the scope, each area below it and each country group."""
    names = region_names(language)
    rows = [tally_row(scope_name, figures.total, figures.question, language)]
    rows += [
        tally_row(names.get(t.code, t.code), t, figures.question, language) for t in figures.areas
    ]
    rows += [
        tally_row(str(CountryGroup(t.code).label), t, figures.question, language)
        for t in figures.groups
    ]
    return Table(
        title=figures.question.text_in(language),
        columns=tally_columns(figures.question),
        rows=rows,
    )


def state_table(figures, states, language):
    """Each State of the scope and its answer."""
    return Table(
        title=_("Answers by State"),
        columns=[_("State"), _("Code"), _("Answer")],
        rows=[
            [states[code].name, code, answer_label(value, language)]
            for code, value in figures.by_state.items()
        ],
    )


def trend_table(question, trend, language):
    columns = [_("Reporting cycle"), _("Year"), _("States in the set"), _("Reports")]
    if question.answer_type == "yes_no_in_development":
        columns += [
            _("%(answer)s, share of reports") % {"answer": STATUS_LABELS[status]}
            for status in STATUS_VALUES
        ]
    else:
        columns += [_("Total"), _("Median")]
    rows = []
    for cycle, tally in trend:
        row = [cycle.label, cycle.year, tally.states, tally.reported]
        if question.answer_type == "yes_no_in_development":
            row += [percent(tally.share(status), language) for status in STATUS_VALUES]
        else:
            row += [number(tally.total, language), number(tally.median, language)]
        rows.append(row)
    return Table(title=_("Trend across cycles"), columns=columns, rows=rows)


def rates_table(rates, scope_name, language):
    names = region_names(language)
    columns = [
        _("Reporting cycle"),
        _("States"),
        _("States in the set"),
        _("Reported"),
        _("Reporting rate"),
        _("On the PoA"),
        _("On the ITI"),
    ]
    rows = []
    for cycle, total, areas in rates:
        for name, rate in [(scope_name, total)] + [(names.get(a.code, a.code), a) for a in areas]:
            rows.append(
                [
                    cycle.label,
                    name,
                    rate.states,
                    rate.reported,
                    percent(rate.share, language),
                    rate.poa,
                    rate.iti,
                ]
            )
    return Table(title=_("Reporting rates"), columns=columns, rows=rows)
