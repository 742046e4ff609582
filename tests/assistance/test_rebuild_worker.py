"""The nightly rebuild, split into chunks, run by a real Celery worker process."""

import pytest
from django.db import connection

from assistance import tasks
from assistance.matching import service
from assistance.models import Match
from tests.test_celery_worker import broker, worker  # noqa: F401  (fixtures)

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
