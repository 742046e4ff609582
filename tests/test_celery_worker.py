"""A real Celery worker process round trip through the Redis on this machine."""

import os
import subprocess
import sys
import uuid

import pytest
import redis
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.conf import settings
from django.db import connection

from cms.celery import app
from cms.core.tasks import describe_worker
from tests.conftest import WORKER_REPORTS

pytestmark = pytest.mark.services

BROKER_URL = settings.REDIS_URL or os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_is_reachable():
    try:
        return redis.Redis.from_url(BROKER_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def broker():
    if not redis_is_reachable():
        message = f"no Redis answers at {BROKER_URL}; start redis-server to run this test"
        if os.environ.get("POAISS_REQUIRE_SERVICES"):
            pytest.fail(message)
        pytest.skip(message)
    # The embedded configuration runs tasks eagerly; this test needs them to travel.
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield BROKER_URL
    app.conf.task_always_eager = eager


def start_worker_process(queue, broker, **variables):
    """`celery worker` as its own process, on the given queue, seeing the test database."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "REDIS_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **variables,
    }
    database = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        environment["DATABASE_URL"] = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--hostname",
            f"{queue}-{uuid.uuid4().hex[:6]}@%h",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def worker(broker, db):
    """Start `celery worker` as its own process, on a queue of its own, seeing the test database."""
    queue = f"test-{uuid.uuid4().hex}"
    process = start_worker_process(queue, broker)
    try:
        yield queue
    finally:
        stop(process)


def test_a_task_sent_to_the_broker_is_run_by_a_worker_process(worker, broker):
    backend = RedisBackend(app=app, url=broker)
    with app.connection_for_write(broker) as connection_to_broker:
        sent = describe_worker.apply_async(queue=worker, connection=connection_to_broker)
    result = AsyncResult(sent.id, app=app, backend=backend)
    report = result.get(timeout=60)

    assert report["database_vendor"] == connection.vendor
    if connection.vendor == "postgresql":
        # The worker sees the very database the tests use, not a copy of its own.
        assert report["database_name"] == settings.DATABASES["default"]["NAME"]
    assert result.successful()
    WORKER_REPORTS.append({**report, "broker": broker})
