"""A report's answers laid out for reading: sections, questions, values in words."""

from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format

from ..models.questionnaire import in_language
from .answers import STATUS_LABELS
from .fields import TERM_TYPES, term_model
from .filing import questions_of


@dataclass
class AnswerRow:
    code: str
    text: str
    paragraph: str
    value: str = ""
    details: str = ""
    carried_over: bool = False
    columns: list = field(default_factory=list)  # list entries: field labels
    entries: list = field(default_factory=list)  # list entries: one list of cells each


@dataclass
class SheetSection:
    code: str
    title: str
    rows: list = field(default_factory=list)


class TermNames:
    """Names of the terms list entries name, in one language, read once per kind."""

    def __init__(self, language):
        self.language = language
        self.names = {}

    def __call__(self, kind, code):
        if kind not in self.names:
            model = term_model(kind)
            self.names[kind] = model.objects.names(self.language)
        return self.names[kind].get(code, code)


def cell(item_field, value, language, term_name):
    if value in (None, ""):
        return ""
    kind = item_field["type"]
    if kind == "choice":
        labels = {choice["code"]: choice.get("label") for choice in item_field["choices"]}
        return in_language(labels.get(value), language) or value
    if kind in TERM_TYPES:
        return term_name(kind, value)
    if kind == "number":
        return number_format(value, force_grouping=True)
    if kind == "date":
        import datetime

        return date_format(datetime.date.fromisoformat(value))
    return str(value)


def answer_sheet(report, language, answered_only=True):
    """The sections of the report's questionnaire with their answers, in `language`."""
    answers = report.answers or {}
    term_name = TermNames(language)
    sections = []
    for code, question in questions_of(report).items():
        answer = answers.get(code)
        if answered_only and not answer:
            continue
        section = question.section
        if not sections or sections[-1].code != section.code:
            sections.append(SheetSection(section.code, in_language(section.title, language)))
        row = AnswerRow(code, in_language(question.text, language), question.paragraph)
        if answer:
            row.details = answer.get("details") or ""
            row.carried_over = bool(answer.get("carried_over"))
            value = answer.get("value")
            if question.answer_type == "list":
                fields = question.item_fields
                row.columns = [in_language(item.get("label"), language) for item in fields]
                row.entries = [
                    [cell(item, entry.get(item["code"]), language, term_name) for item in fields]
                    for entry in value or []
                ]
            elif question.answer_type == "yes_no_in_development" and value:
                row.value = str(STATUS_LABELS.get(value, value))
            elif question.answer_type == "number" and value is not None:
                row.value = number_format(value, force_grouping=True)
            elif value is not None:
                row.value = str(value)
        sections[-1].rows.append(row)
    return sections
