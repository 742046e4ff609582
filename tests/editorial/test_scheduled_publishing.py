"""Pages go live and expire on time, by the beat task, without anyone running a command."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from cms.editorial.tasks import publish_scheduled

pytestmark = pytest.mark.usefixtures("demo_site", "eager_tasks")


def test_beat_runs_scheduled_publishing_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled"]
    assert entry["task"] == "cms.editorial.tasks.publish_scheduled"
    assert entry["schedule"] == 60


def test_a_scheduled_page_goes_live_and_an_expired_page_goes_offline(
    draft_page, django_capture_on_commit_callbacks
):
    scheduled = draft_page(title="Biennial meeting 2026")
    scheduled.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = scheduled.save_revision()
    revision.publish()  # approved for later: not live yet
    scheduled.refresh_from_db()
    assert not scheduled.live

    expiring = draft_page(title="Call for proposals 2025")
    expiring.save_revision().publish()
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        publish_scheduled.delay().get()
    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert not scheduled.live  # not yet due
    assert not expiring.live and expiring.expired

    # The go-live time passes.
    due = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])
    with django_capture_on_commit_callbacks(execute=True):
        publish_scheduled.delay().get()
    scheduled.refresh_from_db()
    assert scheduled.live
    assert scheduled.live_revision_id == revision.pk
