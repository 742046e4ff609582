"""Scoring of answers, one question at a time, with no database and no side effects.

A question is the dictionary stored in an attempt's snapshot (see `questions.as_asked`):
`{"id", "type", "points", ..., "key": {...}}`. `check_answer` refuses answers of the wrong
shape; `score_answer` returns the fraction of the question's points earned, from 0 to 1.
"""

import math
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
MATCHING = "matching"
ORDERING = "ordering"
SHORT_TEXT = "short_text"
NUMERIC = "numeric"
QUESTION_TYPES = (
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    MATCHING,
    ORDERING,
    SHORT_TEXT,
    NUMERIC,
)
MAX_TEXT_ANSWER = 1000


class AnswerError(ValueError):
    """An answer that does not fit its question (wrong type, unknown option)."""


@dataclass(frozen=True)
class Score:
    fraction: float

    @property
    def correct(self):
        return self.fraction >= 1


def _ids(items):
    return {item["id"] for item in items}


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_answer(question, answer):
    """Raise AnswerError unless `answer` has the shape this question type expects."""
    kind = question["type"]
    if kind == SINGLE_CHOICE:
        if not isinstance(answer, str) or answer not in _ids(question["options"]):
            raise AnswerError(_("Choose one of the options by its id."))
    elif kind == MULTIPLE_CHOICE:
        options = _ids(question["options"])
        if not isinstance(answer, list) or not all(
            isinstance(item, str) and item in options for item in answer
        ):
            raise AnswerError(_("Give a list of option ids."))
        if len(set(answer)) != len(answer):
            raise AnswerError(_("Each option may be chosen once."))
    elif kind == TRUE_FALSE:
        if not isinstance(answer, bool):
            raise AnswerError(_("Answer true or false."))
    elif kind == MATCHING:
        prompts, choices = _ids(question["prompts"]), _ids(question["choices"])
        if not isinstance(answer, dict) or not all(
            key in prompts and isinstance(value, str) and value in choices
            for key, value in answer.items()
        ):
            raise AnswerError(_("Map prompt ids to choice ids."))
    elif kind == ORDERING:
        items = _ids(question["items"])
        if (
            not isinstance(answer, list)
            or not all(isinstance(item, str) for item in answer)
            or sorted(answer) != sorted(items)
        ):
            raise AnswerError(_("Give every item id once, in your order."))
    elif kind == SHORT_TEXT:
        if not isinstance(answer, str) or len(answer) > MAX_TEXT_ANSWER:
            raise AnswerError(
                _("Answer with text of at most %(count)d characters.") % {"count": MAX_TEXT_ANSWER}
            )
    elif kind == NUMERIC:
        if not _is_number(answer):
            raise AnswerError(_("Answer with a number."))
    else:
        raise AnswerError(_("Unknown question type."))


def normalise_text(text, case_sensitive):
    """Compare text as people read it: same Unicode form, spacing collapsed, case if asked."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return text if case_sensitive else text.casefold()


def score_answer(question, answer):
    """The fraction of the question's points earned by `answer` (None: not answered)."""
    if answer is None:
        return Score(0.0)
    check_answer(question, answer)
    key = question["key"]
    kind = question["type"]
    if kind in (SINGLE_CHOICE, TRUE_FALSE):
        return Score(1.0 if answer == key["correct"] else 0.0)
    if kind == MULTIPLE_CHOICE:
        correct, chosen = set(key["correct"]), set(answer)
        if not key.get("partial_credit"):
            return Score(1.0 if chosen == correct else 0.0)
        # Each right choice earns a share; each wrong one takes a share back, never below 0.
        earned = len(chosen & correct) - len(chosen - correct)
        return Score(max(0.0, earned / len(correct)))
    if kind == MATCHING:
        pairs = key["pairs"]
        right = sum(1 for prompt, choice in answer.items() if pairs.get(prompt) == choice)
        return Score(right / len(pairs))
    if kind == ORDERING:
        return Score(1.0 if answer == key["order"] else 0.0)
    if kind == SHORT_TEXT:
        case_sensitive = key.get("case_sensitive", False)
        given = normalise_text(answer, case_sensitive)
        accepted = {normalise_text(text, case_sensitive) for text in key["accepted"]}
        return Score(1.0 if given in accepted else 0.0)
    if kind == NUMERIC:
        # A small epsilon so that 0.1 + 0.2 counts as 0.3 with a tolerance of 0.
        within = abs(answer - key["value"]) <= key.get("tolerance", 0) + 1e-9
        return Score(1.0 if within else 0.0)
    raise AnswerError(_("Unknown question type."))


def score_attempt(questions, answers):
    """Score every question; return (percentage, {question id: fraction})."""
    fractions = {}
    earned = total = 0.0
    for question in questions:
        fraction = score_answer(question, answers.get(question["id"])).fraction
        fractions[question["id"]] = fraction
        earned += fraction * question.get("points", 1)
        total += question.get("points", 1)
    percentage = round(100 * earned / total, 2) if total else 0.0
    return percentage, fractions
