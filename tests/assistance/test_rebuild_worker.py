"""The nightly rebuild, split into chunks, run by a real Celery worker process."""

import time
import uuid

import pytest
from django.db import connection

from assistance import tasks
from assistance.matching import service
from assistance.models import Match
from tests.test_celery_worker import (  # noqa: F401  (fixtures)
    broker,
    start_worker_process,
    stop,
    worker,
)

from .conftest import make_need, make_resource

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_worker_process_runs_the_chunked_rebuild(broker, worker):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("the worker process sees the test database only on PostgreSQL")
    for n in range(5):
        make_need(themes=["marking", "tracing"][: 1 + n % 2], amount=30_000 + 40_000 * n)
    for n in range(3):
        make_resource(themes=["marking"], cap=80_000 * (n + 1), title=f"fund {n}")
    service.rebuild_all()
    expected = service.snapshot()
    Match.objects.all().delete()

    result = tasks.start_rebuild(chunk_size=2, queue=worker)
    assert result.get(timeout=120) >= 5  # needs matched, the demo's included
    assert service.snapshot() == expected


def test_the_rebuild_completes_after_a_worker_is_killed_mid_way(broker):  # noqa: F811
    """The chunk a killed worker held is redelivered to another one; the chord still ends."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker process sees the test database only on PostgreSQL")
    for n in range(40):
        make_need(themes=["marking", "tracing"][: 1 + n % 2], amount=30_000 + 1_000 * n)
    for n in range(3):
        make_resource(themes=["marking"], cap=80_000 * (n + 1), title=f"fund {n}")
    service.rebuild_all()
    expected = service.snapshot()
    Match.objects.all().delete()

    queue = f"test-{uuid.uuid4().hex}"
    short_timeout = {"CELERY_VISIBILITY_TIMEOUT": "5"}
    first = start_worker_process(queue, broker, **short_timeout)
    result = tasks.start_rebuild(chunk_size=1, queue=queue)
    deadline = time.monotonic() + 60
    while not Match.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()  # SIGKILL: no chance to acknowledge or hand back what it holds
    first.wait(timeout=20)
    assert not result.ready(), "the worker was killed after the rebuild had finished"

    second = start_worker_process(queue, broker, **short_timeout)
    try:
        assert result.get(timeout=180) >= 40
    finally:
        stop(second)
    assert service.snapshot() == expected
