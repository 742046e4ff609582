"""Who is told about a new post, and the digests: only what each recipient may read.

An instant notification is a row written in the same transaction as the post, with an
outbox message that sends it once the transaction has committed; the row records whether it
was sent, so the e-mail goes out once.
"""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

from cms.outbox.service import enqueue

from .access import can_use_network, member_profile, published_for_everyone, visible_post_filter
from .models import Answer, Follow, MemberProfile, Notification, Post, Question


def wants_instant_mail(user):
    profile = member_profile(user)
    return bool(profile and profile.is_active and profile.instant_notifications)


def queue_post_notifications(post):
    """Tell the followers of the post's question, once the post is visible to all members."""
    from .tasks import SEND_NOTIFICATION

    if isinstance(post, Question) or not published_for_everyone(post):
        return []
    followers = (
        Follow.objects.filter(question_id=post.question_id)
        .exclude(user_id=post.author_id)
        .select_related("user", "user__network_member")
    )
    recipients = [follow.user for follow in followers if wants_instant_mail(follow.user)]
    Notification.objects.bulk_create(
        [Notification(recipient=user, post=post) for user in recipients], ignore_conflicts=True
    )
    ids = list(
        Notification.objects.filter(post=post, sent_at__isnull=True).values_list("pk", flat=True)
    )
    for pk in ids:
        enqueue(SEND_NOTIFICATION, f"notification:{pk}", {"notification": pk})
    return ids


def digest_period(frequency, now=None):
    """The last complete day or ISO week (UTC) before `now`: [start, end)."""
    now = now or timezone.now()
    today = datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)
    if frequency == MemberProfile.Digest.DAILY:
        return today - timedelta(days=1), today
    this_monday = today - timedelta(days=today.weekday())
    return this_monday - timedelta(days=7), this_monday


def digest_items(user, start, end):
    """New questions in the themes `user` follows and new answers to the questions they follow,
    published in [start, end), that `user` may read, leaving out their own posts."""
    if not can_use_network(user):
        return [], []
    follows = Follow.objects.filter(user=user)
    themes = [code for code in follows.values_list("theme_code", flat=True) if code]
    question_ids = [pk for pk in follows.values_list("question_id", flat=True) if pk]
    published = {"state": Post.State.PUBLISHED, "published_at__gte": start, "published_at__lt": end}
    questions = (
        Question.objects.filter(theme__code__in=themes, **published)
        .filter(visible_post_filter(user))
        .exclude(author=user)
        .select_related("theme")
        .order_by("published_at")
    )
    answers = (
        Answer.objects.filter(
            question_id__in=question_ids, question__state=Post.State.PUBLISHED, **published
        )
        .exclude(author=user)
        .select_related("question")
        .order_by("published_at")
    )
    return list(questions), list(answers)
