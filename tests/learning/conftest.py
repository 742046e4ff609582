import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from cms.core.models import HomePage
from cms.learning.models import CoursePage, LessonPage, ModulePage, QuizPage


def choice(text, correct=False):
    return {"text": text, "correct": correct}


QUESTION_BANK = [
    {
        "type": "single_choice",
        "value": {
            "prompt": "Who marks a small arm at manufacture?",
            "points": 1,
            "feedback": "The manufacturer marks it.",
            "options": [choice("The manufacturer", True), choice("The buyer"), choice("Customs")],
        },
    },
    {
        "type": "multiple_choice",
        "value": {
            "prompt": "Which markings are required at manufacture?",
            "points": 2,
            "feedback": "",
            "partial_credit": True,
            "options": [
                choice("Name of the manufacturer", True),
                choice("Country of manufacture", True),
                choice("Serial number", True),
                choice("Name of the first owner"),
            ],
        },
    },
    {
        "type": "true_false",
        "value": {"prompt": "Records are kept for 5 years.", "points": 1, "answer": "false"},
    },
    {
        "type": "matching",
        "value": {
            "prompt": "Match each record with how long it is kept.",
            "points": 1,
            "pairs": [
                {"prompt": "Manufacturing records", "match": "30 years"},
                {"prompt": "Other records", "match": "20 years"},
            ],
        },
    },
    {
        "type": "ordering",
        "value": {
            "prompt": "Put the life of a weapon in order.",
            "points": 1,
            "items": ["Manufacture", "Export", "Import"],
        },
    },
    {
        "type": "short_text",
        "value": {
            "prompt": "What unique number does each weapon carry?",
            "points": 1,
            "accepted_answers": ["serial number", "serial no."],
            "case_sensitive": False,
        },
    },
    {
        "type": "numeric",
        "value": {
            "prompt": "For how many years are manufacturing records kept at least?",
            "points": 1,
            "answer": 30,
            "tolerance": 0,
            "unit": "years",
        },
    },
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


@pytest.fixture
def build_course(demo_site):
    def build(**quiz_options):
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        course = publish(
            home,
            CoursePage(
                title="Tracing basics",
                slug="tracing-basics-test",
                intro="An introduction to tracing.",
                estimated_duration=60,
                question_bank=QUESTION_BANK,
            ),
        )
        first = publish(course, ModulePage(title="Marking", slug="marking"))
        publish(first, LessonPage(title="Marking at manufacture", slug="marking-at-manufacture"))
        quiz = publish(
            first,
            QuizPage(title="Marking quiz", slug="marking-quiz", **quiz_options),
        )
        second = ModulePage(title="Record-keeping", slug="record-keeping")
        second = publish(course, second)
        second.prerequisites.set([first])
        second.save_revision().publish()
        publish(second, LessonPage(title="Keeping records", slug="keeping-records"))
        return CoursePage.objects.get(pk=course.pk), QuizPage.objects.get(pk=quiz.pk)

    return build


@pytest.fixture
def course(build_course):
    return build_course(max_attempts=2)


def make_learner(username, language="en"):
    from cms.accounts.models import UserProfile

    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x-Password-1", first_name="Ana", last_name="Silva"
    )
    UserProfile.objects.create(user=user, preferred_language=language)
    return user


def client_for(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def learner(db):
    return make_learner("learner")


@pytest.fixture
def learner_client(learner):
    return client_for(learner)


KEY_TO_ANSWER = {
    "single_choice": lambda key: key["correct"],
    "multiple_choice": lambda key: key["correct"],
    "true_false": lambda key: key["correct"],
    "matching": lambda key: key["pairs"],
    "ordering": lambda key: key["order"],
    # Case and spacing do not matter unless the question says so.
    "short_text": lambda key: key["accepted"][0].upper(),
    "numeric": lambda key: key["value"],
}


def correct_answers(questions):
    """The right answer to each question, from the server's snapshot (keys included)."""
    return {
        question["id"]: KEY_TO_ANSWER[question["type"]](question["key"]) for question in questions
    }
