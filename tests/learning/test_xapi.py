"""xAPI statements are stored, and forwarded to an LRS (a real HTTP server here)."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from cms.learning import xapi
from cms.learning.models import CoursePage
from cms.learning.tasks import FORWARD_STATEMENT
from cms.outbox import service
from cms.outbox.models import OutboxMessage

from .conftest import make_learner

pytestmark = pytest.mark.django_db


class RecordingLrs(BaseHTTPRequestHandler):
    """Answers 503 to the first `failures` requests, then `status` (204: stored)."""

    failures = 0
    status = 204
    received = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(
            {
                "path": self.path,
                "version": self.headers["X-Experience-API-Version"],
                "authorization": self.headers.get("Authorization"),
                "statement": json.loads(body),
            }
        )
        if len(type(self).received) <= type(self).failures:
            self.send_response(503)
        else:
            self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lrs(settings):
    RecordingLrs.received = []
    RecordingLrs.failures = 1
    RecordingLrs.status = 204
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingLrs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LEARNING_LRS = {
        "ENDPOINT": f"http://127.0.0.1:{server.server_address[1]}/xapi/",
        "USERNAME": "lrs-key",
        "PASSWORD": "lrs-secret",
    }
    yield RecordingLrs
    server.shutdown()
    server.server_close()


@pytest.fixture
def course_page(build_course):
    course, _quiz = build_course()
    return course


@pytest.fixture
def statement(course_page):
    return xapi.record(make_learner("xapi-learner"), "completed", course_page)


def statement_course_key(statement):
    return CoursePage.objects.get(
        title=statement.statement["object"]["definition"]["name"]["en"]
    ).translation_key


def test_a_statement_is_stored_as_xapi(statement):
    data = statement.statement
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert data["actor"]["account"]["name"] == str(statement.user.pk)
    assert data["object"]["id"].endswith(f"/xapi/activities/{statement_course_key(statement)}")
    assert data["id"] == str(statement.pk)


def later():
    return timezone.now() + service.REPLAY_GRACE + timedelta(seconds=1)


def forwarding_of(statement):
    return OutboxMessage.objects.get(topic=FORWARD_STATEMENT, key=f"statement:{statement.pk}")


def test_forwarding_retries_until_the_lrs_takes_the_statement(lrs, statement):
    message = forwarding_of(statement)
    assert not service.process(message.pk)  # the LRS answers 503: the message waits
    message.refresh_from_db()
    assert message.processed_at is None and message.attempts == 1
    assert "HTTP 503" in message.last_error
    statement.refresh_from_db()
    assert statement.forwarded_at is None

    assert service.replay_pending(now=later()) >= 1
    assert len(lrs.received) == 2
    request = lrs.received[-1]
    assert request["path"] == f"/xapi/statements?statementId={statement.pk}"
    assert request["version"] == "1.0.3"
    assert request["authorization"].startswith("Basic ")
    assert request["statement"]["id"] == str(statement.pk)
    statement.refresh_from_db()
    assert statement.forwarded_at is not None and statement.forward_error == ""
    # Replaying again sends nothing: the statement is already there.
    service.replay_pending(now=later())
    service.process(message.pk)
    assert len(lrs.received) == 2


def test_an_lrs_failing_too_often_leaves_the_statement_for_a_person(lrs, statement):
    lrs.failures = service.MAX_ATTEMPTS + 1
    message = forwarding_of(statement)
    for _attempt in range(service.MAX_ATTEMPTS + 2):
        service.replay_pending(now=later())
    assert len(lrs.received) == service.MAX_ATTEMPTS
    message.refresh_from_db()
    assert message.processed_at is None and message.attempts == service.MAX_ATTEMPTS
    statement.refresh_from_db()
    assert statement.forwarded_at is None


def test_a_statement_the_lrs_refuses_is_not_sent_again(lrs, statement):
    lrs.failures, lrs.status = 0, 400
    service.replay_pending(now=later())
    service.replay_pending(now=later())
    assert len(lrs.received) == 1
    statement.refresh_from_db()
    assert statement.forwarded_at is None and statement.forward_error.startswith("HTTP 400")
    assert not OutboxMessage.objects.pending().filter(topic=FORWARD_STATEMENT).exists()


def test_nothing_is_queued_without_an_lrs(course_page, settings):
    settings.LEARNING_LRS = {"ENDPOINT": "", "USERNAME": "", "PASSWORD": ""}
    xapi.record(make_learner("offline"), "launched", course_page)
    assert not OutboxMessage.objects.filter(topic=FORWARD_STATEMENT).exists()


def test_recording_queues_the_forwarding_after_commit(
    lrs, course_page, django_capture_on_commit_callbacks, settings
):
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("with a broker the task runs in the worker process")
    lrs.failures = 0
    learner = make_learner("queued")
    with django_capture_on_commit_callbacks(execute=True):
        stored = xapi.record(learner, "launched", course_page)
    stored.refresh_from_db()
    assert stored.forwarded_at is not None
    assert lrs.received[0]["statement"]["verb"]["display"] == {"en-US": "launched"}
