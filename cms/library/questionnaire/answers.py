"""The answers of a national report: one entry per question code.

    {"poa-ii-4-coordination-agency": {"value": "yes", "details": "...", "carried_over": false},
     "poa-ii-2-laws": {"value": [{"id": "<uuid>", "area": "export", ...}], "details": ""}}

`value` depends on the question's answer type: one of STATUS_VALUES, a number, a plain text,
or a list of entries whose fields the question declares; list entries keep an `id` so that
other records (the assistance needs stated in a report) can point at them. Texts are plain
text, never HTML. `carried_over` marks an answer copied from the State's previous report and
not changed since; it is set by the server only.
"""

import datetime
import math
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models.questionnaire import in_language
from .fields import term_model

STATUS_VALUES = ["yes", "no", "in_development", "not_applicable"]
STATUS_LABELS = {
    "yes": gettext_lazy("Yes"),
    "no": gettext_lazy("No"),
    "in_development": gettext_lazy("In development"),
    "not_applicable": gettext_lazy("Not applicable"),
}
TEXT_LIMITS = {"text": 500, "long_text": 5000, "answer": 20000, "details": 5000}
MAX_ENTRIES = 300
MAX_NUMBER = 10**13
WHOLE_NUMBER_UNITS = {"count", "years", "people"}
ANSWER_KEYS = {"value", "details", "carried_over"}


class AnswerErrors(Exception):
    """Answers that do not fit their questions: {question code: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class TermCodes:
    """The codes an entry may name, read once per check."""

    def __init__(self):
        self._codes = {}

    def __contains__(self, pair):
        kind, code = pair
        if kind not in self._codes:
            model = term_model(kind)
            self._codes[kind] = set(model.objects.source().values_list("code", flat=True))
        return code in self._codes[kind]


def checked_text(value, limit):
    if not isinstance(value, str):
        raise ValueError(_("give a text"))
    value = value.strip()
    if len(value) > limit:
        raise ValueError(_("at most %(limit)d characters") % {"limit": limit})
    return value


def checked_number(value, question_unit=None, smallest=None):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(_("give a number"))
    if question_unit in WHOLE_NUMBER_UNITS:
        if value != int(value):
            raise ValueError(_("give a whole number"))
        value = int(value)
    if smallest is not None and value < smallest:
        raise ValueError(_("give a number of at least %(smallest)d") % {"smallest": smallest})
    if abs(value) > MAX_NUMBER:
        raise ValueError(_("this number is too large"))
    return value


def checked_field(field, value, terms):
    kind = field["type"]
    if kind in ("text", "long_text"):
        return checked_text(value, TEXT_LIMITS[kind])
    if kind == "number":
        return checked_number(value, smallest=0)
    if kind == "choice":
        codes = [choice["code"] for choice in field["choices"]]
        if value not in codes:
            raise ValueError(_("choose one of %(codes)s") % {"codes": ", ".join(codes)})
        return value
    if kind == "date":
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except (TypeError, ValueError):
            raise ValueError(_("give a date as YYYY-MM-DD")) from None
    if kind == "url":
        value = checked_text(value, 2000)
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise ValueError(_("give a web address starting with http:// or https://")) from None
        return value
    if not isinstance(value, str) or (kind, value) not in terms:
        raise ValueError(_("unknown code %(code)r") % {"code": value})
    return value


def checked_entries(question, value, terms):
    if not isinstance(value, list):
        raise AnswerErrors([_("Give a list of entries.")])
    if len(value) > MAX_ENTRIES:
        raise AnswerErrors([_("At most %(count)d entries.") % {"count": MAX_ENTRIES}])
    fields = {field["code"]: field for field in question.item_fields}
    entries, messages, ids = [], [], set()
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            messages.append(_("Entry %(number)d: give an object of fields.") % {"number": number})
            continue
        unknown = sorted(set(entry) - set(fields) - {"id"})
        if unknown:
            messages.append(
                _("Entry %(number)d: unknown fields %(fields)s.")
                % {"number": number, "fields": ", ".join(unknown)}
            )
        cleaned = {"id": entry_id(entry.get("id"), ids)}
        for code, field in fields.items():
            given = entry.get(code)
            if given in (None, ""):
                if field.get("required"):
                    messages.append(
                        _("Entry %(number)d, %(field)s: this field is required.")
                        % {"number": number, "field": in_language(field["label"])}
                    )
                continue
            try:
                cleaned[code] = checked_field(field, given, terms)
            except ValueError as error:
                messages.append(
                    _("Entry %(number)d, %(field)s: %(problem)s.")
                    % {"number": number, "field": in_language(field["label"]), "problem": error}
                )
        entries.append(cleaned)
    if messages:
        raise AnswerErrors(messages)
    return entries


def entry_id(given, taken):
    """The entry's id if it is a fresh UUID, else a new one: ids stay unique in a list."""
    try:
        found = str(uuid.UUID(str(given)))
    except ValueError:
        found = None
    if found is None or found in taken:
        found = str(uuid.uuid4())
    taken.add(found)
    return found


def checked_value(question, value, terms):
    kind = question.answer_type
    try:
        if kind == "yes_no_in_development":
            if value not in STATUS_VALUES:
                raise ValueError(_("choose one of %(codes)s") % {"codes": ", ".join(STATUS_VALUES)})
            return value
        if kind == "number":
            return checked_number(value, question.unit, question.min_value)
        if kind == "text":
            return checked_text(value, TEXT_LIMITS["answer"])
    except ValueError as error:
        raise AnswerErrors([_("The answer: %(problem)s.") % {"problem": error}]) from None
    return checked_entries(question, value, terms)


def checked_answer(question, answer, terms):
    if not isinstance(answer, dict):
        raise AnswerErrors([_('Give an object such as {"value": ..., "details": "..."}.')])
    unknown = sorted(set(answer) - ANSWER_KEYS)
    if unknown:
        raise AnswerErrors([_("Unknown keys: %(keys)s.") % {"keys": ", ".join(unknown)}])
    cleaned = {"value": None, "details": ""}
    if answer.get("value") not in (None, "", []):
        cleaned["value"] = checked_value(question, answer["value"], terms)
    if answer.get("details") not in (None, ""):
        try:
            cleaned["details"] = checked_text(answer["details"], TEXT_LIMITS["details"])
        except ValueError as error:
            raise AnswerErrors([_("The details: %(problem)s.") % {"problem": error}]) from None
    return cleaned


def same_content(one, other):
    """Whether two answers say the same, whatever their entries' ids and flags."""

    def content(answer):
        if not answer:
            return (None, "")
        value = answer.get("value")
        if isinstance(value, list):
            value = [{k: v for k, v in entry.items() if k != "id"} for entry in value]
        return (value, answer.get("details") or "")

    return content(one) == content(other)


def merge_answers(questions, stored, incoming):
    """The answers after applying `incoming` ({code: answer or None}) to `stored`.

    `questions` is {code: question} of the report's version. Raises AnswerErrors naming
    every question whose answer does not fit; nothing is applied then.
    """
    if not isinstance(incoming, dict):
        raise AnswerErrors({"answers": [_("Give an object keyed by question code.")]})
    merged = dict(stored or {})
    errors, terms = {}, TermCodes()
    for code, answer in incoming.items():
        question = questions.get(code)
        if question is None:
            errors[code] = [_("This questionnaire has no question %(code)s.") % {"code": code}]
            continue
        if answer is None:
            merged.pop(code, None)
            continue
        try:
            cleaned = checked_answer(question, answer, terms)
        except AnswerErrors as error:
            errors[code] = error.errors
            continue
        previous = merged.get(code)
        cleaned["carried_over"] = bool(
            previous and previous.get("carried_over") and same_content(previous, cleaned)
        )
        if cleaned["value"] is None and not cleaned["details"]:
            merged.pop(code, None)
        else:
            merged[code] = cleaned
    if errors:
        raise AnswerErrors(errors)
    return merged


def applies_to(question, instrument):
    """Whether a question is asked of a report on `instrument` (poa, iti or poa_iti)."""
    return question.instrument == "poa_iti" or question.instrument in instrument.split("_")


def missing_required(questions, answers, instrument):
    """{code: [message]} of the required questions a report on `instrument` leaves open."""
    return {
        code: [_("Answer this question before submitting the report.")]
        for code, question in questions.items()
        if question.required
        and applies_to(question, instrument)
        and (answers.get(code) or {}).get("value") in (None, "", [])
    }


def carried_over(answers, questions):
    """The answers of a previous report that the questions of this version still ask."""
    return {
        code: {**answer, "carried_over": True}
        for code, answer in (answers or {}).items()
        if code in questions
        and (answer.get("value") not in (None, "", []) or answer.get("details"))
    }


def differences(previous, current, questions):
    """What changed from `previous` answers to `current`, in the order of `questions`.

    A list of {"question", "change" (added, removed, changed), "previous", "current"}.
    """
    order = list(questions) + sorted((set(previous) | set(current)) - set(questions))
    changes = []
    for code in order:
        before, after = previous.get(code), current.get(code)
        if before is None and after is None:
            continue
        if before is None:
            change = "added"
        elif after is None:
            change = "removed"
        elif same_content(before, after):
            continue
        else:
            change = "changed"
        changes.append({"question": code, "change": change, "previous": before, "current": after})
    return changes
