"""Workflow e-mails leave through Celery after commit, once, in each recipient's language."""

import pytest
from django.core import mail
from wagtail.admin.signal_handlers import task_submission_email_notifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from cms.accounts import roles
from cms.editorial.models import Notification
from cms.editorial.notifications import on_task_submitted
from cms.editorial.tasks import deliver_pending_notifications, send_notification

pytestmark = pytest.mark.usefixtures("demo_site", "eager_tasks")


@pytest.fixture
def reviewers(make_user):
    return [
        make_user("revisor", roles.REVIEWERS, language="es"),
        make_user("shenhe", roles.REVIEWERS, language="zh-hans"),
        make_user("muraja", roles.REVIEWERS, language="ar"),
    ]


def submit(page, user, capture):
    page.save_revision(user=user)
    with capture(execute=True):
        return page.get_workflow().start(page, user)


def test_wagtails_synchronous_notifier_is_replaced():
    sync_receivers, _async_receivers = task_submitted._live_receivers(TaskState)
    assert task_submission_email_notifier not in sync_receivers
    assert on_task_submitted in sync_receivers


def test_nothing_is_sent_before_the_transaction_commits(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.get_workflow().start(page, author)
    assert mail.outbox == []
    assert Notification.objects.filter(sent_at__isnull=True).count() == 3
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 3
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


def test_each_reviewer_reads_the_e_mail_in_their_own_language(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    submit(draft_page(owner=author), author, django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {user.email for user in reviewers}
    assert "ha sido enviada" in by_recipient["revisor@example.org"].body
    assert "页面已经被提交" in by_recipient["shenhe@example.org"].subject
    assert "Stockpile management guide" in by_recipient["muraja@example.org"].subject
    assert "الصفحة" in by_recipient["muraja@example.org"].subject
    # The author is not told about their own submission.
    assert author.email not in by_recipient


def test_a_user_without_a_profile_reads_english(
    make_user, draft_page, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group, User

    reviewer = User.objects.create_user("plain", email="plain@example.org")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    author = make_user("author", roles.editors_group_name("en"))
    submit(draft_page(owner=author), author, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject.startswith('The page "Stockpile management guide"')


def test_sending_again_sends_nothing(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    submit(draft_page(owner=author), author, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3

    for notification in Notification.objects.all():
        assert send_notification.delay(notification.pk).get() is False
    assert deliver_pending_notifications(older_than_seconds=0) == 0
    assert len(mail.outbox) == 3


def test_an_e_mail_owed_after_a_broker_outage_is_sent_by_the_next_sweep(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=False):
        page.get_workflow().start(page, author)  # the queued sends are lost
    assert mail.outbox == []

    assert deliver_pending_notifications(older_than_seconds=0) == 3
    assert len(mail.outbox) == 3
