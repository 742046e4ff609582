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
