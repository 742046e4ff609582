"""Text extraction through a real Celery worker process (PostgreSQL and Redis on this machine)."""

import pytest
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.db import connection

from cms.celery import app
from cms.library.models import DocumentText
from cms.library.tasks import extract_document_text
from tests.test_celery_worker import broker, worker  # noqa: F401 - fixtures

from .conftest import CORRUPT_PDF, pdf_bytes

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_in_worker(queue, broker_url, document):
    backend = RedisBackend(app=app, url=broker_url)
    with app.connection_for_write(broker_url) as connection:
        sent = extract_document_text.apply_async(
            args=[document.pk], queue=queue, connection=connection
        )
    return AsyncResult(sent.id, app=app, backend=backend).get(timeout=60)


@pytest.fixture
def shared_database():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process sees the test database on PostgreSQL only")


def test_a_worker_extracts_a_pdf_and_records_a_corrupt_one(
    shared_database,
    worker,  # noqa: F811
    broker,  # noqa: F811
    make_document,
):
    good = make_document(pdf_bytes("Record-keeping of small arms"), name="good.pdf")
    bad = make_document(CORRUPT_PDF, name="bad.pdf")

    assert run_in_worker(worker, broker, good) == "extracted"
    assert run_in_worker(worker, broker, bad) == "failed"

    assert "Record-keeping of small arms" in DocumentText.objects.get(document=good).text
    failed = DocumentText.objects.get(document=bad)
    assert failed.status == DocumentText.Status.FAILED and failed.error
    # Run again: the same file is not read twice.
    updated_at = failed.updated_at
    assert run_in_worker(worker, broker, bad) == "failed"
    failed.refresh_from_db()
    assert failed.updated_at == updated_at
