"""Network e-mails, sent after the transaction that caused them has committed.

Instant e-mails go through the outbox (see `NetworkConfig.outbox_topics`); digests are sent
by Celery beat.
"""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .access import can_read_post
from .emails import send_digest, send_new_post
from .models import DigestDelivery, MemberProfile, Notification
from .notifications import digest_items, digest_period, wants_instant_mail

SEND_NOTIFICATION = "network.send-notification"


def send_notification(notification_id):
    """Send one instant e-mail if it is still owed and may be read; True if one was sent.

    The row is marked sent either way, so a second run sends nothing.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient", "post")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        recipient, post = notification.recipient, notification.post.specific
        # Checked again at sending time: the post may have been hidden meanwhile.
        sent = wants_instant_mail(recipient) and can_read_post(recipient, post)
        if sent:
            send_new_post(recipient, post)
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return sent


def send_notification_handler(payload):
    """Outbox handler: a failing mail server leaves the message pending for the replay."""
    send_notification(payload["notification"])


@shared_task
def send_digests(frequency, now=None):
    """Send the daily or weekly digest for the last complete period; never twice."""
    now = timezone.datetime.fromisoformat(now) if now else timezone.now()
    start, end = digest_period(frequency, now)
    members = MemberProfile.objects.filter(
        status=MemberProfile.Status.ACTIVE, digest=frequency
    ).select_related("user")
    sent = 0
    for profile in members:
        with transaction.atomic():
            delivery, _created = DigestDelivery.objects.select_for_update().get_or_create(
                recipient=profile.user,
                frequency=frequency,
                period_start=start,
                defaults={"period_end": end},
            )
            if delivery.sent_at is not None:
                continue
            questions, answers = digest_items(profile.user, start, end)
            delivery.item_count = len(questions) + len(answers)
            if delivery.item_count and profile.user.email:
                send_digest(profile.user, frequency, start, end, questions, answers)
                sent += 1
            delivery.sent_at = timezone.now()
            delivery.save(update_fields=["item_count", "sent_at"])
    return sent
