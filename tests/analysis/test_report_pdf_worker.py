"""The printed analysis drawn by a real Celery worker process, while the API answers 202."""

import io
import time

import pytest
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from cms.celery import app
from tests.test_celery_worker import broker, worker  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

URL = reverse("analysis-report-pdf")


@pytest.fixture
def shared_database():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process sees the test database and cache on PostgreSQL only")


def route_tasks(routes):
    """Celery builds its router once; build it again with these routes."""
    app.conf.task_routes = routes
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


@pytest.fixture
def routed_to(worker):  # noqa: F811
    """The drawing task goes to the test's own worker, whatever else the broker holds."""
    routes = app.conf.task_routes
    route_tasks({"cms.analysis.tasks.draw_report_pdf": {"queue": worker}})
    yield worker
    route_tasks(routes)


def test_the_document_is_drawn_by_a_worker_while_clients_are_told_to_wait(
    shared_database,
    broker,  # noqa: F811
    routed_to,
    client,
):
    first = client.get(URL, {"locale": "fr"})
    assert first.status_code == 202, first.content[:300]
    assert first["Content-Type"] == "application/json"
    assert int(first["Retry-After"]) > 0 and first["Cache-Control"] == "no-store"
    assert first.json()["status"] == "drawing"
    assert first["Content-Language"] == "fr"

    # Asking again while it is drawn does not start a second drawing: still 202, then the PDF.
    deadline = time.monotonic() + 240
    while (response := client.get(URL, {"locale": "fr"})).status_code == 202:
        assert time.monotonic() < deadline, "the worker did not draw the document"
        time.sleep(2)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Analyse des rapports nationaux" in reader.metadata.title
