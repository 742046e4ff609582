"""Instant e-mails and digests: after commit, once, and only what the recipient may read."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from cms.core.models import ThematicArea
from cms.network import forum
from cms.network.models import DigestDelivery, Follow, MemberProfile, Notification, Post
from cms.network.tasks import SEND_NOTIFICATION, send_digests, send_notification
from cms.outbox import service
from cms.outbox.models import OutboxMessage

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 12, 7, 0, tzinfo=UTC)  # a Thursday
YESTERDAY = NOW - timedelta(days=1)


def replay():
    return service.replay_pending(now=datetime.now(UTC) + service.REPLAY_GRACE * 2)


def test_a_followed_questions_new_answer_is_mailed_after_commit_once(
    member, other_member, theme, django_capture_on_commit_callbacks
):
    question = forum.ask(member, title="Tracing", body="How?", theme=theme, language="en")
    with django_capture_on_commit_callbacks():
        answer = forum.answer(other_member, question, body="Like this.")
        assert mail.outbox == []  # nothing before the transaction commits
    (notification,) = Notification.objects.filter(post=answer)
    assert notification.recipient == member  # the asker follows; the answerer is not told
    # One outbox message for the e-mail (the search index queues its own update beside it).
    (owed,) = OutboxMessage.objects.pending().filter(topic=SEND_NOTIFICATION)
    assert owed.key == f"notification:{notification.pk}"

    assert service.process(owed.pk)
    assert service.process(owed.pk)  # done already: nothing more is sent
    assert send_notification(notification.pk) is False  # idempotent
    replay()
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "Tracing" in message.subject and "Like this." in message.body


def test_a_held_answer_notifies_nobody_until_approved(member, make_member, secretariat, theme):
    question = forum.ask(member, title="Q", body="B", theme=theme, language="en")
    newcomer = make_member("newcomer", approved_posts=0)
    answer = forum.answer(newcomer, question, body="Held back")
    assert answer.state == Post.State.PENDING
    assert not Notification.objects.filter(post=answer).exists()
    forum.approve(secretariat, answer)
    assert Notification.objects.filter(post=answer, recipient=member).exists()
    assert MemberProfile.objects.get(user=newcomer).approved_posts == 1


def test_a_post_hidden_before_sending_is_not_mailed(member, other_member, secretariat, theme):
    question = forum.ask(member, title="Q", body="B", theme=theme, language="en")
    answer = forum.answer(other_member, question, body="Soon hidden")
    forum.hide(secretariat, answer)
    replay()
    assert mail.outbox == []
    assert not OutboxMessage.objects.pending().filter(topic=SEND_NOTIFICATION).exists()


def publish_at(post, when):
    Post.objects.filter(pk=post.pk).update(published_at=when, created_at=when)


@pytest.fixture
def digest_world(make_member, member, other_member, secretariat, theme):
    """A French-speaking reader following a theme and a question, and posts of every kind."""
    reader = make_member("lecteur", language="fr")
    MemberProfile.objects.filter(user=reader).update(digest=MemberProfile.Digest.DAILY)
    Follow.objects.create(user=reader, theme_code=theme.code)
    followed = forum.ask(member, title="Visible question", body="b", theme=theme, language="en")
    Follow.objects.create(user=reader, question=followed)
    visible_answer = forum.answer(other_member, followed, body="Visible answer")
    hidden = forum.ask(member, title="Hidden question", body="b", theme=theme, language="en")
    forum.hide(secretariat, hidden)
    newcomer = make_member("newcomer", approved_posts=0)
    held = forum.answer(newcomer, followed, body="Held answer")
    own = forum.ask(reader, title="Own question", body="b", theme=theme, language="fr")
    other_theme = ThematicArea.objects.filter(locale__language_code="en").exclude(pk=theme.pk)[0]
    unfollowed = forum.ask(
        member, title="Other theme question", body="b", theme=other_theme, language="en"
    )
    old = forum.ask(member, title="Old question", body="b", theme=theme, language="en")
    for post in (followed, visible_answer, hidden, held, own, unfollowed):
        publish_at(post, YESTERDAY)
    publish_at(old, YESTERDAY - timedelta(days=3))
    return reader


def test_a_digest_holds_only_what_the_recipient_may_see(digest_world, theme):
    mail.outbox.clear()
    assert send_digests("daily", NOW.isoformat()) == 1
    (message,) = [m for m in mail.outbox if m.to == [digest_world.email]]
    body = message.body
    assert "Visible question" in body and "Visible answer" in body
    for secret in ("Hidden question", "Held answer", "Own question", "Other theme", "Old question"):
        assert secret not in body
    french_theme = ThematicArea.objects.get(
        translation_key=theme.translation_key, locale__language_code="fr"
    )
    assert french_theme.name in body  # the recipient's language


def test_a_digest_is_not_sent_twice_for_the_same_period(digest_world):
    mail.outbox.clear()
    send_digests("daily", NOW.isoformat())
    send_digests("daily", (NOW + timedelta(hours=5)).isoformat())
    assert len([m for m in mail.outbox if m.to == [digest_world.email]]) == 1
    delivery = DigestDelivery.objects.get(recipient=digest_world, frequency="daily")
    assert delivery.period_start == datetime(2026, 3, 11, tzinfo=UTC)
    assert delivery.item_count == 2


def test_a_suspended_member_gets_no_digest(digest_world):
    MemberProfile.objects.filter(user=digest_world).update(status=MemberProfile.Status.SUSPENDED)
    mail.outbox.clear()
    send_digests("daily", NOW.isoformat())
    assert not [m for m in mail.outbox if m.to == [digest_world.email]]


def test_weekly_digests_cover_the_last_complete_week(member, make_member, theme):
    from cms.network.notifications import digest_period

    start, end = digest_period("weekly", NOW)
    assert (start, end) == (datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC))
