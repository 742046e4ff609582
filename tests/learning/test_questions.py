"""The question bank: validation per type, and how a quiz draws its questions."""

import random

import pytest
from wagtail.blocks import StructBlockValidationError

from cms.learning.attempts import draw_questions
from cms.learning.questions import MultipleChoiceBlock, SingleChoiceBlock, without_key
from cms.learning.scoring import score_answer


def choice_value(block, correct_flags):
    return block.to_python(
        {
            "prompt": "Which?",
            "points": 1,
            "feedback": "",
            "options": [
                {"text": f"option {index}", "correct": flag}
                for index, flag in enumerate(correct_flags)
            ],
        }
    )


@pytest.mark.parametrize("flags", [[False, False], [True, True]])
def test_a_single_choice_question_needs_exactly_one_correct_option(flags):
    block = SingleChoiceBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(choice_value(block, flags))
    block.clean(choice_value(block, [True, False]))


def test_a_multiple_choice_question_needs_a_correct_option():
    block = MultipleChoiceBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(choice_value(block, [False, False]))
    block.clean(choice_value(block, [True, True]))


@pytest.fixture
def random_quiz(build_course):
    _course, quiz = build_course(selection="random", question_count=3)
    return quiz


def test_a_random_quiz_draws_the_asked_number_of_distinct_questions(random_quiz):
    draws = [draw_questions(random_quiz, random.Random(seed)) for seed in range(6)]
    assert all(len(questions) == 3 for questions in draws)
    assert all(len({q["id"] for q in questions}) == 3 for questions in draws)
    assert len({tuple(sorted(q["id"] for q in questions)) for questions in draws}) > 1


def test_a_fixed_quiz_asks_the_first_questions_of_the_bank(build_course):
    _course, quiz = build_course(question_count=2, shuffle_questions=False)
    assert [q["type"] for q in draw_questions(quiz)] == ["single_choice", "multiple_choice"]


def test_shuffled_options_keep_their_ids_and_the_key_follows_them(build_course):
    _course, quiz = build_course(shuffle_options=True)
    for seed in range(5):
        single = next(
            q for q in draw_questions(quiz, random.Random(seed)) if q["type"] == "single_choice"
        )
        by_id = {option["id"]: option["text"] for option in single["options"]}
        assert by_id[single["key"]["correct"]] == "The manufacturer"


def test_ordering_items_are_never_shown_already_in_order(build_course):
    _course, quiz = build_course(shuffle_options=False)
    ordering = next(q for q in draw_questions(quiz) if q["type"] == "ordering")
    assert [item["id"] for item in ordering["items"]] != ordering["key"]["order"]
    assert "key" not in without_key(ordering) and "feedback" not in without_key(ordering)


def attack_answer(question):
    """What an attacker derives from identifiers alone: pair and order them by their names."""
    if question["type"] == "matching":
        prompts = sorted(item["id"] for item in question["prompts"])
        choices = sorted(item["id"] for item in question["choices"])
        return dict(zip(prompts, choices, strict=True))
    return sorted(item["id"] for item in question["items"])


@pytest.mark.parametrize("kind", ["matching", "ordering"])
def test_item_identifiers_give_the_answer_away_to_nobody(build_course, kind):
    _course, quiz = build_course(shuffle_options=False)
    draws = [next(q for q in draw_questions(quiz) if q["type"] == kind) for _ in range(40)]
    scores = [score_answer(question, attack_answer(question)).fraction for question in draws]
    # Derived from names, the answer is right only by chance (1 in 2 for two pairs, 1 in 6
    # for three items), never every time: 35 of 40 by chance is a one-in-a-million event.
    assert sum(score == 1.0 for score in scores) < 35
    # Each attempt has identifiers of its own.
    ids = [tuple(sorted(item["id"] for item in q.get("items", q.get("prompts")))) for q in draws]
    assert len(set(ids)) == len(ids)
