"""The network's instant e-mails are sent by a real Celery worker process, after the commit."""

import time

import pytest
from django.conf import settings

from cms.celery import app
from cms.network import forum
from cms.network.models import Notification
from cms.network.tasks import SEND_NOTIFICATION
from cms.outbox.models import OutboxMessage
from tests.test_celery_worker import broker, worker  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the worker process shares the test database only on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def worker_queue(worker):  # noqa: F811
    """Tasks queued by the code under test go to this test's worker."""
    default = app.conf.task_default_queue
    app.conf.task_default_queue = worker
    yield worker
    app.conf.task_default_queue = default


def test_a_worker_sends_the_instant_emails_once(worker_queue, member, other_member, theme):
    question = forum.ask(member, title="Worker", body="Body", theme=theme, language="en")
    answer = forum.answer(other_member, question, body="Reply")  # commits, then queues
    (notification,) = Notification.objects.filter(post=answer)
    message = OutboxMessage.objects.get(
        topic=SEND_NOTIFICATION, key=f"notification:{notification.pk}"
    )

    deadline = time.monotonic() + 60
    while OutboxMessage.objects.pending().filter(pk=message.pk).exists():
        assert time.monotonic() < deadline, "the worker did not send the e-mail"
        time.sleep(0.5)

    notification.refresh_from_db()
    assert notification.sent_at is not None
    message.refresh_from_db()
    assert message.attempts == 1 and message.last_error == ""
