"""xAPI statements carry their context (registration, parent, grouping), ADL activity types,
and one `answered` statement per question as a cmi.interaction with its response.

Every statement is also validated against an independent xAPI 1.0.3 model: the statement
models of Ralph (`ralph-malph`, France Université Numérique's learning record store)."""

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition

from cms.learning import progress
from cms.learning.attempts import start_attempt, submit_attempt
from cms.learning.models import Enrolment, LessonPage, ModulePage, Statement

from .conftest import correct_answers, make_learner

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/activities/"


def ids(activities):
    return [item["id"] for item in activities]


@pytest.fixture
def journey(course):
    """A learner enrols, opens and finishes a lesson, and sits the quiz once."""
    course_page, quiz = course
    learner = make_learner("xapi-journey")
    enrolment = Enrolment.objects.create(
        user=learner, course=course_page, course_key=course_page.translation_key, language="en"
    )
    lesson = LessonPage.objects.child_of(quiz.get_parent()).get(slug="marking-at-manufacture")
    progress.record_lesson(enrolment, lesson, completed=True)
    attempt, _created = start_attempt(enrolment, quiz)
    answers = correct_answers(attempt.questions)
    wrong = next(q for q in attempt.questions if q["type"] == "true_false")
    answers[wrong["id"]] = not wrong["key"]["correct"]
    submit_attempt(attempt.pk, learner, answers)
    statements = [s.statement for s in Statement.objects.filter(user=learner).order_by("stored_at")]
    return {
        "course": course_page,
        "quiz": quiz,
        "module": ModulePage.objects.get(pk=quiz.get_parent().pk),
        "lesson": lesson,
        "enrolment": enrolment,
        "attempt": attempt,
        "statements": statements,
    }


def test_every_statement_is_valid_for_an_independent_xapi_model(journey):
    assert len(journey["statements"]) >= 10
    for statement in journey["statements"]:
        BaseXapiStatement.model_validate(statement)
        assert statement["version"] == "1.0.3"


def test_statements_carry_the_registration_of_their_enrolment(journey):
    registration = str(journey["enrolment"].registration)
    assert {s["context"]["registration"] for s in journey["statements"]} == {registration}
    other = Enrolment.objects.create(
        user=make_learner("someone-else"),
        course=journey["course"],
        course_key=journey["course"].translation_key,
        language="fr",
    )
    assert other.registration != journey["enrolment"].registration
    journey["enrolment"].refresh_from_db()
    assert str(journey["enrolment"].registration) == registration  # stable


def test_lessons_and_quizzes_sit_in_their_module_and_course(journey):
    from cms.learning.xapi import activity_id

    course, module = journey["course"], journey["module"]
    by_verb = {}
    for statement in journey["statements"]:
        by_verb.setdefault(statement["verb"]["id"].rsplit("/", 1)[1], []).append(statement)

    launched_lesson = by_verb["launched"][0]
    assert launched_lesson["object"]["definition"]["type"] == ADL + "lesson"
    activities = launched_lesson["context"]["contextActivities"]
    assert ids(activities["parent"]) == [activity_id(module)]
    assert activities["parent"][0]["definition"]["type"] == ADL + "module"
    assert ids(activities["grouping"]) == [activity_id(course)]
    assert activities["grouping"][0]["definition"]["type"] == ADL + "course"

    [graded] = by_verb.get("passed", []) + by_verb.get("failed", [])
    assert graded["object"]["definition"]["type"] == ADL + "assessment"
    assert ids(graded["context"]["contextActivities"]["parent"]) == [activity_id(module)]
    assert ids(graded["context"]["contextActivities"]["grouping"]) == [activity_id(course)]


def test_each_question_is_answered_as_an_interaction_with_its_response(journey):
    from cms.learning.xapi import activity_id

    quiz, attempt = journey["quiz"], journey["attempt"]
    answered = [s for s in journey["statements"] if s["verb"]["id"].endswith("/answered")]
    assert len(answered) == len(attempt.questions) == 7
    by_question = {s["object"]["id"].rsplit("/", 1)[1]: s for s in answered}
    assert set(by_question) == {q["id"] for q in attempt.questions}

    interaction_types = {}
    for question in attempt.questions:
        statement = by_question[question["id"]]
        assert statement["object"]["id"] == activity_id(quiz, "questions", question["id"])
        definition = statement["object"]["definition"]
        BaseXapiActivityInteractionDefinition.model_validate(definition)
        assert definition["type"] == ADL + "cmi.interaction"
        assert definition["name"] == {"en": question["prompt"]}
        interaction_types[question["type"]] = definition["interactionType"]
        activities = statement["context"]["contextActivities"]
        assert ids(activities["parent"]) == [activity_id(quiz)]
        assert ids(activities["grouping"]) == [
            activity_id(journey["module"]),
            activity_id(journey["course"]),
        ]
        result = statement["result"]
        assert result["success"] is (question["type"] != "true_false")
        assert result["score"]["scaled"] == (0 if question["type"] == "true_false" else 1)
        if question["type"] != "short_text":
            # Right answers are the correct pattern itself (the wrong one is true-false).
            expected = definition["correctResponsesPattern"][0]
            if question["type"] == "true_false":
                expected = "false" if expected == "true" else "true"
            if question["type"] in ("matching", "multiple_choice"):
                # Pairs and choices in any order (PostgreSQL's JSON keeps no key order).
                assert set(result["response"].split("[,]")) == set(expected.split("[,]"))
            else:
                assert result["response"] == expected, question["type"]

    assert interaction_types == {
        "single_choice": "choice",
        "multiple_choice": "choice",
        "true_false": "true-false",
        "matching": "matching",
        "ordering": "sequencing",
        "short_text": "fill-in",
        "numeric": "numeric",
    }
    text = next(q for q in attempt.questions if q["type"] == "short_text")
    statement = by_question[text["id"]]
    assert statement["result"]["response"] == "SERIAL NUMBER"
    assert statement["object"]["definition"]["correctResponsesPattern"] == [
        "serial number",
        "serial no.",
    ]
    matching = next(q for q in attempt.questions if q["type"] == "matching")
    definition = by_question[matching["id"]]["object"]["definition"]
    assert {c["id"] for c in definition["source"]} == {p["id"] for p in matching["prompts"]}
    assert {c["id"] for c in definition["target"]} == {c["id"] for c in matching["choices"]}
    assert "[.]" in definition["correctResponsesPattern"][0]


def test_chinese_names_use_the_rfc_5646_tag():
    from cms.learning.xapi import language_tag

    assert language_tag("zh-hans") == "zh-Hans"
    assert language_tag("en") == "en"
    assert language_tag("pt-br") == "pt-BR"
