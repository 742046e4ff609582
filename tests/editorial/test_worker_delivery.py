"""A workflow e-mail is delivered by a real Celery worker process after the commit."""

import time

import pytest
from django.db import connection
from wagtail.models import Page

from cms.accounts import roles
from cms.celery import app
from cms.core.models import SectionPage
from cms.editorial.models import Notification
from tests.test_celery_worker import broker, worker  # noqa: F401  (fixtures)

from .conftest import home_page

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def worker_queue(worker):  # noqa: F811
    """Tasks queued by the code under test go to this test's worker."""
    default = app.conf.task_default_queue
    app.conf.task_default_queue = worker
    yield worker
    app.conf.task_default_queue = default


def test_the_worker_sends_the_e_mails_owed_once_the_submission_commits(worker_queue, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("a worker process sees the test database only on PostgreSQL")
    make_user("reviewer-one", roles.REVIEWERS)
    make_user("reviewer-two", roles.REVIEWERS, language="fr")
    author = make_user("author", roles.editors_group_name("en"))
    page = SectionPage(title="Tracing requests", live=False, owner=author)
    home_page("en").add_child(instance=page)
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision(user=author)

    page.get_workflow().start(page, author)  # commits, then queues the two e-mails

    assert Notification.objects.count() == 2
    deadline = time.monotonic() + 60
    while Notification.objects.filter(sent_at__isnull=True).exists():
        assert time.monotonic() < deadline, "the worker did not deliver the e-mails"
        time.sleep(0.5)
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {
        "reviewer-one",
        "reviewer-two",
    }
