"""The network's e-mail tasks run in a real Celery worker process, against the real database."""

import pytest
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.conf import settings

from cms.celery import app
from cms.network import forum
from cms.network.models import Notification
from cms.network.tasks import send_notifications
from tests.test_celery_worker import broker, worker  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the worker process shares the test database only on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_worker_sends_the_instant_emails_once(worker, broker, member, other_member, theme):  # noqa: F811
    question = forum.ask(member, title="Worker", body="Body", theme=theme, language="en")
    answer = forum.answer(other_member, question, body="Reply")
    (notification,) = Notification.objects.filter(post=answer)

    backend = RedisBackend(app=app, url=broker)
    results = []
    for _attempt in range(2):
        with app.connection_for_write(broker) as connection_to_broker:
            sent = send_notifications.apply_async(
                args=[[notification.pk]], queue=worker, connection=connection_to_broker
            )
        results.append(AsyncResult(sent.id, app=app, backend=backend).get(timeout=60))

    assert results == [1, 0]  # sent by the worker, and not again
    notification.refresh_from_db()
    assert notification.sent_at is not None
