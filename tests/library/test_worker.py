"""Text extraction through a real Celery worker process (PostgreSQL and Redis on this machine)."""

import time

import pytest
from django.db import connection

from cms.celery import app
from cms.library.models import DocumentText
from cms.library.tasks import EXTRACT_DOCUMENT_TEXT
from cms.outbox.models import OutboxMessage
from cms.outbox.tasks import process_message
from tests.test_celery_worker import broker, worker  # noqa: F401 - fixtures

from .conftest import CORRUPT_PDF, pdf_bytes

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def extract_in_worker(queue, broker_url, document):
    """Write the outbox message the report's revision writes, and let the worker process it."""
    message = OutboxMessage.objects.create(
        topic=EXTRACT_DOCUMENT_TEXT,
        key=f"document:{document.pk}",
        payload={"document": document.pk},
    )
    with app.connection_for_write(broker_url) as connection_to_broker:
        process_message.apply_async(args=[message.pk], queue=queue, connection=connection_to_broker)
    deadline = time.monotonic() + 60
    while OutboxMessage.objects.pending().filter(pk=message.pk).exists():
        assert time.monotonic() < deadline, "the worker did not process the message"
        time.sleep(0.5)
    return DocumentText.objects.get(document=document)


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

    extracted = extract_in_worker(worker, broker, good)
    failed = extract_in_worker(worker, broker, bad)

    assert extracted.status == DocumentText.Status.EXTRACTED
    assert "Record-keeping of small arms" in extracted.text
    assert failed.status == DocumentText.Status.FAILED and failed.error
    # Run again: the same file is not read twice.
    assert extract_in_worker(worker, broker, bad).updated_at == failed.updated_at
