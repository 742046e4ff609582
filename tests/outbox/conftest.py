import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from cms.celery import app
from cms.outbox import service


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unreachable_broker():
    """Tasks travel (not eager) to a Redis broker nobody listens on."""
    saved = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = f"redis://127.0.0.1:{closed_port()}/0"
    app._pool = app.amqp._producer_pool = None
    yield
    app.conf.task_always_eager, app.conf.broker_url = saved
    app._pool = app.amqp._producer_pool = None


def later():
    """A clock moved past the replay's grace period."""
    return timezone.now() + service.REPLAY_GRACE + timedelta(seconds=1)
