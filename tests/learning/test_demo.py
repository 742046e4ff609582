"""The demo course: in six languages, with a quiz that uses every question type."""

import pytest

from cms.learning.models import CoursePage, QuizPage
from cms.learning.scoring import QUESTION_TYPES

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "Marking and record-keeping under the International Tracing Instrument",
    "fr": (
        "Marquage et enregistrement des données au titre de l'Instrument international de traçage"
    ),
    "ar": "الوسم وحفظ السجلات بموجب الصك الدولي للتعقب",
    "zh-hans": "《国际追查文书》规定的标识和记录保存",
}


def demo_courses():
    return CoursePage.objects.filter(slug="marking-and-record-keeping-iti").live()


def test_the_demo_course_is_published_in_six_languages(demo_site):
    courses = {course.locale.language_code: course for course in demo_courses()}
    assert set(courses) == {"en", "fr", "es", "ru", "ar", "zh-hans"}
    for language, title in TITLES.items():
        assert courses[language].title == title


def test_the_demo_quiz_asks_every_question_type_in_each_language(demo_site):
    for course in demo_courses():
        assert {block.block_type for block in course.question_bank} == set(QUESTION_TYPES)
        assert QuizPage.objects.descendant_of(course).live().exists()
    arabic = demo_courses().get(locale__language_code="ar")
    english = demo_courses().get(locale__language_code="en")
    # The same question ids in every language, the prompts translated.
    assert [block.id for block in arabic.question_bank] == [
        block.id for block in english.question_bank
    ]
    short_text = next(b for b in arabic.question_bank if b.block_type == "short_text")
    assert "رقم تسلسلي" in list(short_text.value["accepted_answers"])


def test_the_catalogue_serves_the_demo_course_in_chinese(client, demo_site):
    items = client.get("/api/v2/learning/courses/", {"locale": "zh-hans"}).json()["items"]
    course = next(item for item in items if item["slug"] == "marking-and-record-keeping-iti")
    assert course["title"] == TITLES["zh-hans"] and course["is_fallback"] is False
    assert {area["code"] for area in course["thematic_areas"]} == {
        "marking",
        "record-keeping",
        "tracing",
    }


def test_loading_the_demo_again_changes_nothing(demo_site):
    from cms.learning.demo import load

    before = CoursePage.objects.count()
    load()
    assert CoursePage.objects.count() == before


def test_a_learner_switching_languages_keeps_progress_and_gets_an_arabic_certificate(demo_site):
    from cms.learning.models import Attempt, LessonPage

    from .conftest import client_for, correct_answers, make_learner

    learner = make_learner("polyglot", language="ar")
    learner.first_name, learner.last_name = "محمد", "الأمين"
    learner.save()
    client = client_for(learner)
    english = demo_courses().get(locale__language_code="en")
    french = demo_courses().get(locale__language_code="fr")
    assert client.post(f"/api/v2/learning/courses/{english.pk}/enrol/").status_code == 201
    # Enrolling in another language version is the same enrolment.
    assert client.post(f"/api/v2/learning/courses/{french.pk}/enrol/").status_code == 200

    for lesson in LessonPage.objects.descendant_of(french).live():
        response = client.post(
            f"/api/v2/learning/lessons/{lesson.pk}/progress/", {"completed": True}
        )
        if response.status_code == 400:  # the second module waits for the quiz
            continue
        assert response.status_code == 200
    quiz = QuizPage.objects.descendant_of(french).live().get()
    attempt = client.post(f"/api/v2/learning/quizzes/{quiz.pk}/attempts/").json()
    prompts = [question["prompt"] for question in attempt["questions"]]
    assert any("numéro de série" in prompt or "fabrication" in prompt for prompt in prompts)
    answers = correct_answers(Attempt.objects.get(pk=attempt["id"]).questions)
    result = client.post(
        f"/api/v2/learning/attempts/{attempt['id']}/submit/", {"answers": answers}, format="json"
    ).json()
    assert result["passed"] is True
    for lesson in LessonPage.objects.descendant_of(french).live():
        client.post(f"/api/v2/learning/lessons/{lesson.pk}/progress/", {"completed": True})

    enrolment = client.get("/api/v2/learning/enrolments/").json()["items"][0]
    assert enrolment["progress"] == 100
    certificate = enrolment["certificate"]
    assert certificate["language"] == "ar"
    assert certificate["course_title"] == TITLES["ar"]
    assert certificate["learner_name"] == "محمد الأمين"


def test_the_course_pages_render_without_the_answer_keys(client, demo_site):
    english = demo_courses().get(locale__language_code="en")
    for page in [english, *english.get_descendants().live()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "makes each weapon unique" not in response.content.decode()


def test_editors_can_open_the_course_and_its_question_bank(client, demo_site):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("course-editor", "e@example.org", "pw")
    client.force_login(editor)
    english = demo_courses().get(locale__language_code="en")
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert "Question bank" in response.content.decode()
    quiz = QuizPage.objects.descendant_of(english).get()
    assert client.get(f"/admin/pages/{quiz.pk}/edit/").status_code == 200
