"""A worker killed in the middle of the chunked rebuild: its chunk goes to another worker.

Tasks are acknowledged late, so the chunk a killed worker held stays in the broker; once the
visibility timeout has passed, the next worker takes it and the rebuild's callback runs.
"""

import signal
import time
import uuid

import pytest
from django.db import connection

from assistance import tasks
from assistance.matching import service
from assistance.models import Match
from tests.test_celery_worker import broker, start_worker_process, stop  # noqa: F401

from .conftest import make_need, make_resource

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Short, so the test waits seconds rather than the production quarter of an hour.
VISIBILITY_TIMEOUT = "5"


def test_the_rebuild_completes_after_a_worker_is_killed(broker):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("the worker processes see the test database only on PostgreSQL")
    for n in range(12):
        make_need(themes=["marking", "tracing"][: 1 + n % 2], amount=30_000 + 10_000 * n)
    for n in range(3):
        make_resource(themes=["marking"], cap=80_000 * (n + 1), title=f"fund {n}")
    service.rebuild_all()
    expected = service.snapshot()
    Match.objects.all().delete()

    queue = f"test-{uuid.uuid4().hex}"
    result = tasks.start_rebuild(chunk_size=1, queue=queue)  # queued before any worker runs
    first = start_worker_process(queue, broker, CELERY_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)
    try:
        deadline = time.monotonic() + 120
        while not Match.objects.exists():
            assert time.monotonic() < deadline, "the first worker ran no chunk"
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    finally:
        stop(first)
    assert not result.ready(), "the first worker finished everything before it was killed"

    second = start_worker_process(queue, broker, CELERY_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)
    try:
        assert result.get(timeout=180) >= 12
    finally:
        stop(second)
    assert service.snapshot() == expected
