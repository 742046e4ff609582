import pytest
from django.apps import apps
from django.db import transaction

from cms.celery import app
from cms.outbox import service
from cms.outbox.models import OutboxMessage

from .conftest import later

pytestmark = pytest.mark.django_db

DONE = []
TOPIC = "tests.outbox.record"
FAILING_TOPIC = "tests.outbox.fail-once"


def record(payload):
    DONE.append(payload["value"])


def fail_once(payload):
    if not any(value == ("failed", payload["value"]) for value in DONE):
        DONE.append(("failed", payload["value"]))
        raise RuntimeError("the search index is down")
    DONE.append(payload["value"])


@pytest.fixture(autouse=True)
def eager_tasks():
    """Tasks run in-process unless a test sends them to a broker."""
    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


@pytest.fixture(autouse=True)
def handlers():
    DONE.clear()
    service.register(TOPIC, "tests.outbox.test_outbox.record")
    service.register(FAILING_TOPIC, fail_once)
    yield
    DONE.clear()


def test_work_runs_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = service.enqueue(TOPIC, "test:1", {"value": 1})
        assert DONE == []
    message.refresh_from_db()
    assert DONE == [1]
    assert message.processed_at is not None
    assert message.attempts == 1


def test_work_of_a_rolled_back_transaction_is_never_done(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        service.enqueue(TOPIC, "test:2", {"value": 2})
        raise RuntimeError("the need failed validation")
    assert DONE == []
    assert not OutboxMessage.objects.filter(topic=TOPIC, key="test:2").exists()
    service.replay_pending(now=later())
    assert DONE == []


def test_an_unreachable_broker_delays_the_work_without_losing_it(
    unreachable_broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = service.enqueue(TOPIC, "test:3", {"value": 3})
    message.refresh_from_db()
    assert DONE == []
    assert message.processed_at is None

    service.replay_pending(now=later())
    message.refresh_from_db()
    assert DONE == [3]
    assert message.processed_at is not None


def test_the_replay_leaves_fresh_messages_to_their_own_task(unreachable_broker):
    message = service.enqueue(TOPIC, "test:4", {"value": 4})
    service.replay_pending()
    assert DONE == []
    assert OutboxMessage.objects.pending().filter(pk=message.pk).exists()


def test_processing_is_idempotent():
    message = service.enqueue(TOPIC, "test:5", {"value": 5})
    assert service.process(message.pk)
    assert service.process(message.pk)
    assert DONE == [5]


def test_pending_messages_with_the_same_key_are_done_once():
    first = service.enqueue(TOPIC, "test:6", {"value": 6})
    second = service.enqueue(TOPIC, "test:6", {"value": 66})
    other = service.enqueue(TOPIC, "test:7", {"value": 7})

    service.process(second.pk)
    assert service.process(first.pk)
    assert DONE == [66]
    assert not OutboxMessage.objects.pending().filter(pk__in=[first.pk, second.pk]).exists()
    assert OutboxMessage.objects.pending().filter(pk=other.pk).exists()


def test_a_failed_handler_keeps_the_message_with_its_error_for_the_replay():
    message = service.enqueue(FAILING_TOPIC, "index:1", {"value": 8})
    assert not service.process(message.pk)
    message.refresh_from_db()
    assert message.processed_at is None
    assert message.attempts == 1
    assert "the search index is down" in message.last_error

    service.replay_pending(now=later())
    message.refresh_from_db()
    assert message.processed_at is not None
    assert DONE == [("failed", 8), 8]


def test_a_message_failing_too_often_waits_for_a_person():
    message = service.enqueue(FAILING_TOPIC, "index:2", {"value": 9})
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=service.MAX_ATTEMPTS)
    service.replay_pending(now=later())
    assert DONE == []
    assert OutboxMessage.objects.pending().filter(pk=message.pk).exists()


def test_a_topic_without_handler_is_refused_in_the_callers_transaction():
    with pytest.raises(service.UnknownTopic):
        service.enqueue("tests.outbox.nobody", "x", {})


APP_TOPICS = {
    "analysis.refresh-state-cycle",
    "assistance.propose-needs-from-report",
    "assistance.rematch-need",
    "assistance.rematch-resource",
    "editorial.send-notification",
    "learning.forward-statement",
    "library.extract-document-text",
    "library.refresh-country-profile",
    "library.send-submission-receipt",
    "network.send-notification",
    "search.update",
}


def test_the_installed_apps_declare_their_topics_and_handlers():
    declared = {
        topic for config in apps.get_app_configs() for topic in getattr(config, "outbox_topics", {})
    }
    assert declared == APP_TOPICS
    for topic in declared:
        assert callable(service.handler_for(topic))


def test_an_app_left_out_takes_its_topics_with_it(monkeypatch):
    monkeypatch.setattr(service, "_handlers", {})
    installed = [config for config in apps.get_app_configs() if config.label != "learning"]
    monkeypatch.setattr(apps, "get_app_configs", lambda: installed)

    apps.get_app_config("outbox").ready()

    assert set(service._handlers) == APP_TOPICS - {"learning.forward-statement"}
