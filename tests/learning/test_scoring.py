"""Scoring per question type: every rule a learner's mark depends on."""

import pytest

from cms.learning.scoring import AnswerError, check_answer, score_answer, score_attempt


def options(count):
    return [{"id": str(index), "text": f"option {index}"} for index in range(count)]


SINGLE = {"id": "q1", "type": "single_choice", "options": options(3), "key": {"correct": "1"}}
MULTIPLE = {
    "id": "q2",
    "type": "multiple_choice",
    "options": options(4),
    "key": {"correct": ["0", "2"], "partial_credit": False},
}
PARTIAL = {**MULTIPLE, "key": {"correct": ["0", "2"], "partial_credit": True}}
TRUE_FALSE = {"id": "q3", "type": "true_false", "key": {"correct": False}}
MATCHING = {
    "id": "q4",
    "type": "matching",
    "prompts": [{"id": f"p{i}", "text": str(i)} for i in range(4)],
    "choices": [{"id": f"c{i}", "text": str(i)} for i in range(4)],
    "key": {"pairs": {f"p{i}": f"c{i}" for i in range(4)}},
}
ORDERING = {"id": "q5", "type": "ordering", "items": options(3), "key": {"order": ["0", "1", "2"]}}
SHORT = {
    "id": "q6",
    "type": "short_text",
    "key": {"accepted": ["serial number", "serial no."], "case_sensitive": False},
}
SHORT_CASE = {**SHORT, "key": {"accepted": ["ITI"], "case_sensitive": True}}
NUMERIC = {"id": "q7", "type": "numeric", "key": {"value": 30, "tolerance": 0}}
NUMERIC_TOLERANCE = {**NUMERIC, "key": {"value": 2.5, "tolerance": 0.25}}


@pytest.mark.parametrize(
    "question, answer, fraction",
    [
        (SINGLE, "1", 1),
        (SINGLE, "0", 0),
        (MULTIPLE, ["0", "2"], 1),
        (MULTIPLE, ["2", "0"], 1),
        (MULTIPLE, ["0"], 0),
        (MULTIPLE, ["0", "1", "2"], 0),
        (MULTIPLE, [], 0),
        (PARTIAL, ["0", "2"], 1),
        (PARTIAL, ["0"], 0.5),
        (PARTIAL, ["0", "1"], 0),
        (PARTIAL, ["1", "3"], 0),
        (PARTIAL, ["0", "1", "2"], 0.5),
        (TRUE_FALSE, False, 1),
        (TRUE_FALSE, True, 0),
        (MATCHING, {"p0": "c0", "p1": "c1", "p2": "c2", "p3": "c3"}, 1),
        (MATCHING, {"p0": "c0", "p1": "c1", "p2": "c3", "p3": "c2"}, 0.5),
        (MATCHING, {"p0": "c0"}, 0.25),
        (MATCHING, {}, 0),
        (ORDERING, ["0", "1", "2"], 1),
        (ORDERING, ["1", "0", "2"], 0),
        (SHORT, "serial number", 1),
        (SHORT, "  Serial   NUMBER ", 1),
        (SHORT, "serial no.", 1),
        (SHORT, "serial", 0),
        (SHORT_CASE, "ITI", 1),
        (SHORT_CASE, "iti", 0),
        (NUMERIC, 30, 1),
        (NUMERIC, 30.0, 1),
        (NUMERIC, 20, 0),
        (NUMERIC_TOLERANCE, 2.75, 1),
        (NUMERIC_TOLERANCE, 2.25, 1),
        (NUMERIC_TOLERANCE, 2.76, 0),
    ],
)
def test_each_question_type_earns_what_its_rule_says(question, answer, fraction):
    assert score_answer(question, answer).fraction == pytest.approx(fraction)


def test_a_numeric_answer_at_the_exact_value_survives_floating_point():
    question = {"id": "q", "type": "numeric", "key": {"value": 0.3, "tolerance": 0}}
    assert score_answer(question, 0.1 + 0.2).correct


def test_short_text_compares_unicode_forms_alike():
    question = {
        "id": "q",
        "type": "short_text",
        "key": {"accepted": ["café"], "case_sensitive": False},
    }
    assert score_answer(question, "cafe\u0301").correct


def test_no_answer_earns_nothing():
    assert score_answer(SINGLE, None).fraction == 0


@pytest.mark.parametrize(
    "question, answer",
    [
        (SINGLE, "9"),
        (SINGLE, 1),
        (SINGLE, ["1"]),
        (MULTIPLE, "0"),
        (MULTIPLE, ["0", "9"]),
        (MULTIPLE, ["0", "0"]),
        (TRUE_FALSE, "false"),
        (TRUE_FALSE, 0),
        (MATCHING, ["p0", "c0"]),
        (MATCHING, {"p9": "c0"}),
        (MATCHING, {"p0": "c9"}),
        (ORDERING, ["0", "1"]),
        (ORDERING, ["0", "1", "1"]),
        (ORDERING, ["0", "1", "9"]),
        (SHORT, 12),
        (SHORT, "x" * 1001),
        (NUMERIC, "30"),
        (NUMERIC, True),
        (NUMERIC, float("nan")),
        ({"id": "q", "type": "essay", "key": {}}, "text"),
    ],
)
def test_answers_of_the_wrong_shape_are_refused(question, answer):
    with pytest.raises(AnswerError):
        check_answer(question, answer)


def test_an_attempt_is_scored_by_points():
    questions = [{**SINGLE, "points": 3}, {**TRUE_FALSE, "points": 1}]
    percentage, fractions = score_attempt(questions, {"q1": "1", "q3": True})
    assert percentage == 75
    assert fractions == {"q1": 1.0, "q3": 0.0}


def test_an_empty_attempt_scores_zero():
    assert score_attempt([SINGLE], {}) == (0.0, {"q1": 0.0})
