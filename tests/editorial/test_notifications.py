"""Workflow e-mails leave through the outbox after commit, once, in each recipient's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.admin.signal_handlers import task_submission_email_notifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from cms.accounts import roles
from cms.editorial.models import Notification
from cms.editorial.notifications import on_task_submitted
from cms.editorial.tasks import SEND_NOTIFICATION, send_notification
from cms.outbox.models import OutboxMessage
from cms.outbox.service import REPLAY_GRACE, replay_pending

pytestmark = pytest.mark.usefixtures("demo_site", "eager_tasks")


@pytest.fixture
def reviewers(make_user):
    return [
        make_user("revisor", roles.REVIEWERS, language="es"),
        make_user("shenhe", roles.REVIEWERS, language="zh-hans"),
        make_user("muraja", roles.REVIEWERS, language="ar"),
    ]


def later():
    return timezone.now() + REPLAY_GRACE + timedelta(seconds=1)


def pending_e_mails():
    return OutboxMessage.objects.pending().filter(topic=SEND_NOTIFICATION)


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
    # One outbox message per e-mail, each with its own key.
    assert sorted(pending_e_mails().values_list("key", flat=True)) == sorted(
        f"notification:{pk}" for pk in Notification.objects.values_list("pk", flat=True)
    )
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 3
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
    assert not pending_e_mails().exists()


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
        assert send_notification(notification.pk) is False
    replay_pending(now=later())  # whatever the outbox still holds is already sent
    assert len(mail.outbox) == 3
    assert len(mail.outbox) == 3


def test_an_e_mail_owed_after_a_broker_outage_is_sent_by_the_next_sweep(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=False):
        page.get_workflow().start(page, author)  # the broker never gets the sends
    assert mail.outbox == []
    assert pending_e_mails().count() == 3

    replay_pending(now=later())
    assert len(mail.outbox) == 3
    assert not pending_e_mails().exists()


def test_an_e_mail_a_week_late_is_dropped_not_sent(
    make_user, reviewers, draft_page, django_capture_on_commit_callbacks
):
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=False):
        page.get_workflow().start(page, author)
    Notification.objects.update(created_at=timezone.now() - timedelta(days=8))

    replay_pending(now=later())
    assert mail.outbox == []
    assert not pending_e_mails().exists()
    assert Notification.objects.filter(sent_at__isnull=True).count() == 3
