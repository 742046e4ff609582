"""The learner's way through a course over the API, and the rules it must keep."""

from datetime import timedelta

import pytest

from cms.learning.models import Attempt, Certificate, Enrolment, LessonPage, Statement

from .conftest import client_for, correct_answers, make_learner

pytestmark = pytest.mark.django_db

BASE = "/api/v2/learning"
KEY_FIELDS = ("key", "feedback", "correct", "accepted", "pairs", "order")


def contains_key(data):
    """Whether an answer key appears anywhere in an API response."""
    if isinstance(data, dict):
        return any(name in ("key", "feedback") for name in data) or any(
            contains_key(value) for value in data.values()
        )
    if isinstance(data, list):
        return any(contains_key(item) for item in data)
    return False


def enrol(client, course):
    response = client.post(f"{BASE}/courses/{course.pk}/enrol/")
    assert response.status_code in (200, 201), response.content
    return response.json()


def lessons(course):
    return LessonPage.objects.descendant_of(course).live().order_by("path")


def test_the_catalogue_lists_the_course_without_its_question_bank(client, course):
    course, _quiz = course
    response = client.get(f"{BASE}/courses/", {"locale": "en"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Tracing basics" in titles
    detail = client.get(f"{BASE}/courses/{course.pk}/").json()
    assert [module["title"] for module in detail["modules"]] == ["Marking", "Record-keeping"]
    assert detail["modules"][1]["prerequisites"] == [detail["modules"][0]["id"]]
    assert detail["modules"][0]["quizzes"][0]["max_attempts"] == 2
    assert "question_bank" not in detail and "Who marks" not in str(detail)


def test_the_catalogue_falls_back_to_english_and_says_so(client, course):
    course, _quiz = course
    items = client.get(f"{BASE}/courses/", {"locale": "fr"}).json()["items"]
    course_item = next(item for item in items if item["id"] == course.pk)
    assert course_item["is_fallback"] is True
    assert course_item["requested_locale"] == "fr"


def test_the_pages_api_never_serves_the_question_bank(client, course):
    course, _quiz = course
    response = client.get(f"/api/v2/pages/{course.pk}/", {"fields": "*"})
    assert response.status_code == 200
    assert "question_bank" not in response.json()
    assert "Who marks" not in response.content.decode()


@pytest.mark.parametrize(
    "method, path",
    [
        ("post", "/courses/{course}/enrol/"),
        ("get", "/enrolments/"),
        ("get", "/certificates/"),
        ("get", "/quizzes/{quiz}/attempts/"),
        ("post", "/quizzes/{quiz}/attempts/"),
        ("post", "/lessons/{lesson}/progress/"),
    ],
)
def test_personal_endpoints_need_a_signed_in_learner(client, course, method, path):
    course_page, quiz = course
    lesson = lessons(course_page).first()
    url = BASE + path.format(course=course_page.pk, quiz=quiz.pk, lesson=lesson.pk)
    assert getattr(client, method)(url).status_code == 401


def test_a_learner_goes_from_enrolment_to_certificate(learner, learner_client, course, client):
    course_page, quiz = course
    enrolment = enrol(learner_client, course_page)
    assert enrolment["progress"] == 0 and enrolment["certificate"] is None
    assert enrol(learner_client, course_page)["id"] == enrolment["id"]

    first, second = lessons(course_page)
    # The second module waits for the first.
    response = learner_client.post(f"{BASE}/lessons/{second.pk}/progress/", {"completed": True})
    assert response.status_code == 400
    response = learner_client.post(
        f"{BASE}/lessons/{first.pk}/progress/", {"completed": True}, format="json"
    )
    assert response.json()["completed"] is True

    progress = learner_client.get(f"{BASE}/enrolments/{enrolment['id']}/").json()
    assert progress["resume"] == {"id": quiz.pk, "type": "quiz", "title": "Marking quiz"}
    assert progress["modules"][1]["locked"] is True

    started = learner_client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/")
    assert started.status_code == 201
    attempt = started.json()
    assert len(attempt["questions"]) == 7 and not contains_key(attempt)
    # Asking again gives back the same attempt, not a new one.
    again = learner_client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/")
    assert again.status_code == 200 and again.json()["id"] == attempt["id"]

    stored = Attempt.objects.get(pk=attempt["id"])
    answers = correct_answers(stored.questions)
    submitted = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": answers}, format="json"
    )
    assert submitted.status_code == 200, submitted.content
    result = submitted.json()
    assert result["score"] == 100 and result["passed"] is True
    # Passed: the quiz (after_final) now shows the answers and the explanations.
    assert result["answers_visible"] is True
    assert any(question.get("feedback") for question in result["questions"])

    learner_client.post(f"{BASE}/lessons/{second.pk}/progress/", {"completed": True})
    progress = learner_client.get(f"{BASE}/enrolments/{enrolment['id']}/").json()
    assert progress["progress"] == 100 and progress["resume"] is None
    certificate = progress["certificate"]
    assert certificate["course_title"] == "Tracing basics"
    assert certificate["learner_name"] == "Ana Silva"

    page = client.get(f"/certificates/verify/{certificate['code']}/")
    assert page.status_code == 200
    assert "Ana Silva" in page.content.decode() and "Tracing basics" in page.content.decode()
    verbs = set(Statement.objects.filter(user=learner).values_list("verb", flat=True))
    assert verbs == {"launched", "answered", "completed", "passed"}


def test_an_unknown_certificate_code_is_not_verified(client):
    assert client.get("/certificates/verify/NOPE/").status_code == 404


def start(client, quiz):
    response = client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def enrolled(learner_client, course):
    course_page, quiz = course
    enrol(learner_client, course_page)
    return quiz


def test_the_attempt_limit_holds(learner_client, enrolled):
    for _number in range(2):
        attempt = start(learner_client, enrolled)
        learner_client.post(
            f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": {}}, format="json"
        )
    response = learner_client.post(f"{BASE}/quizzes/{enrolled.pk}/attempts/")
    assert response.status_code == 400
    assert "every attempt" in response.json()["message"]
    assert Attempt.objects.filter(quiz=enrolled).count() == 2


def test_failed_and_out_of_attempts_shows_the_answers(learner_client, enrolled):
    attempt = start(learner_client, enrolled)
    first = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": {}}, format="json"
    ).json()
    assert first["passed"] is False and first["answers_visible"] is False
    assert not contains_key(first)
    attempt = start(learner_client, enrolled)
    last = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": {}}, format="json"
    ).json()
    assert last["answers_visible"] is True and contains_key(last)


def test_a_second_submission_is_refused_and_changes_nothing(learner_client, enrolled):
    attempt = start(learner_client, enrolled)
    stored = Attempt.objects.get(pk=attempt["id"])
    url = f"{BASE}/attempts/{attempt['id']}/submit/"
    assert learner_client.post(url, {"answers": {}}, format="json").status_code == 200
    answers = correct_answers(stored.questions)
    response = learner_client.post(url, {"answers": answers}, format="json")
    assert response.status_code == 400
    stored.refresh_from_db()
    assert stored.score == 0 and stored.answers == {}


def test_a_late_submission_is_refused_and_changes_nothing(learner_client, build_course):
    course_page, quiz = build_course(time_limit=5)
    enrol(learner_client, course_page)
    attempt = start(learner_client, quiz)
    assert attempt["deadline"] is not None
    Attempt.objects.filter(pk=attempt["id"]).update(
        started_at=Attempt.objects.get(pk=attempt["id"]).started_at - timedelta(minutes=10),
        deadline=Attempt.objects.get(pk=attempt["id"]).deadline - timedelta(minutes=10),
    )
    response = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": {}}, format="json"
    )
    assert response.status_code == 400
    assert "time limit" in response.json()["message"]
    stored = Attempt.objects.get(pk=attempt["id"])
    assert stored.status == "in_progress" and stored.score is None
    # The next start closes the overdue attempt and opens a new one.
    second = start(learner_client, quiz)
    assert second["number"] == 2
    assert Attempt.objects.get(pk=attempt["id"]).status == "expired"


@pytest.mark.parametrize(
    "answers, field",
    [
        ({"not-a-question": "0"}, "answers.not-a-question"),
        ("single_choice", None),
        ("numeric", None),
    ],
)
def test_bad_answers_get_a_400_naming_them(learner_client, enrolled, answers, field):
    attempt = start(learner_client, enrolled)
    stored = Attempt.objects.get(pk=attempt["id"])
    if isinstance(answers, str):
        question = next(q for q in stored.questions if q["type"] == answers)
        answers = {question["id"]: "not an option" if answers == "single_choice" else "thirty"}
        field = f"answers.{question['id']}"
    response = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": answers}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and field in body["errors"]
    stored.refresh_from_db()
    assert stored.status == "in_progress" and stored.answers == {}


def test_answers_must_be_an_object(learner_client, enrolled):
    attempt = start(learner_client, enrolled)
    response = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": ["0"]}, format="json"
    )
    assert response.status_code == 400 and "answers" in response.json()["errors"]


def test_learners_see_only_their_own_attempts(learner_client, enrolled):
    attempt = start(learner_client, enrolled)
    other = client_for(make_learner("other"))
    assert other.get(f"{BASE}/attempts/{attempt['id']}/").status_code == 404
    response = other.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": {}}, format="json"
    )
    assert response.status_code == 404
    assert other.get(f"{BASE}/enrolments/").json()["items"] == []


def test_an_attempt_needs_an_enrolment(learner_client, course):
    _course_page, quiz = course
    response = learner_client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/")
    assert response.status_code == 400
    assert not Enrolment.objects.exists() or not Attempt.objects.exists()


def test_the_snapshot_keeps_the_questions_as_asked(learner_client, enrolled, course):
    course_page, _quiz = course
    attempt = start(learner_client, enrolled)
    stored = Attempt.objects.get(pk=attempt["id"])
    course_page.question_bank = []
    course_page.save_revision().publish()
    answers = correct_answers(stored.questions)
    result = learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": answers}, format="json"
    ).json()
    assert result["score"] == 100
    assert Certificate.objects.count() == 0


def test_a_draft_course_is_not_in_the_catalogue(client, course):
    course_page, _quiz = course
    course_page.unpublish()
    listed = client.get(f"{BASE}/courses/", {"locale": "en"}).json()["items"]
    assert course_page.pk not in [item["id"] for item in listed]
    assert client.get(f"{BASE}/courses/{course_page.pk}/").status_code == 404
