"""The authors' report in the admin, and its CSV export."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from cms.learning.models import Attempt

from .conftest import correct_answers

pytestmark = pytest.mark.django_db
BASE = "/api/v2/learning"


@pytest.fixture
def taken_quiz(learner_client, course):
    course_page, quiz = course
    learner_client.post(f"{BASE}/courses/{course_page.pk}/enrol/")
    attempt = learner_client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/").json()
    answers = correct_answers(Attempt.objects.get(pk=attempt["id"]).questions)
    # Every answer right except the numeric one.
    numeric = next(q for q in attempt["questions"] if q["type"] == "numeric")
    answers[numeric["id"]] = 5
    learner_client.post(
        f"{BASE}/attempts/{attempt['id']}/submit/", {"answers": answers}, format="json"
    )
    return course_page


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("report-admin", "a@example.org", "pw")
    client.force_login(admin)
    return client


def test_the_report_counts_enrolments_and_passes(admin_client, taken_quiz):
    response = admin_client.get("/admin/reports/learning/")
    assert response.status_code == 200
    assert "Tracing basics" in response.content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(
                admin_client.get("/admin/reports/learning/", {"export": "courses"}).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    row = next(row for row in rows if row["Course"] == "Tracing basics")
    assert row["Enrolments"] == "1" and row["Completions"] == "0"
    assert row["Quiz attempts"] == "1" and row["Pass rate (%)"] == "100.0"


def test_question_difficulty_puts_the_missed_question_first(admin_client, taken_quiz):
    content = admin_client.get("/admin/reports/learning/", {"export": "questions"}).content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["Question"].startswith("For how many years")
    assert rows[0]["Difficulty (%)"] == "100.0"
    assert rows[-1]["Difficulty (%)"] == "0.0"


def test_the_report_is_for_authors_only(client, learner, taken_quiz):
    client.force_login(learner)
    assert client.get("/admin/reports/learning/").status_code in (302, 403)
