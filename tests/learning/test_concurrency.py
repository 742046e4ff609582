"""The attempt limit holds when a learner's requests arrive at the same time (PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from cms.learning.models import Attempt, Enrolment

from .conftest import correct_answers, make_learner

BASE = "/api/v2/learning"
REQUESTS = 8


def at_once(request, count=REQUESTS):
    """Send `count` requests from as many threads (and database connections) together."""
    barrier = threading.Barrier(count)
    responses = []

    def worker():
        try:
            barrier.wait()
            responses.append(request())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_starts_and_submissions_never_grant_an_extra_attempt(
    build_course, database_vendor
):
    if database_vendor != "postgresql":
        pytest.skip("SQLite serialises every write; row locks are tested on PostgreSQL")
    course, quiz = build_course(max_attempts=1)
    user = make_learner("racer")
    client = Client()
    client.force_login(user)
    assert client.post(f"{BASE}/courses/{course.pk}/enrol/").status_code == 201

    starts = at_once(lambda: client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/"))
    assert sorted(response.status_code for response in starts) == [200] * 7 + [201]
    assert len({response.json()["id"] for response in starts}) == 1
    attempt = Attempt.objects.get()

    answers = correct_answers(attempt.questions)
    submissions = at_once(
        lambda: client.post(
            f"{BASE}/attempts/{attempt.pk}/submit/",
            {"answers": answers},
            content_type="application/json",
        )
    )
    assert sorted(response.status_code for response in submissions) == [200] + [400] * 7
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score == 100

    again = at_once(lambda: client.post(f"{BASE}/quizzes/{quiz.pk}/attempts/"), count=4)
    assert {response.status_code for response in again} == {400}
    assert Attempt.objects.count() == 1
    assert Enrolment.objects.get().attempts.count() == 1
