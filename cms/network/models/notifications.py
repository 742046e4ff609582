"""Notifications to members and the digests that carry them."""

from django.conf import settings
from django.db import models

from .members import MemberProfile
from .posts import Post


class Notification(models.Model):
    """An instant e-mail owed to a follower: written with the post, sent after commit.

    An outbox message written with the row sends it, so a broker outage delays the e-mail
    but does not lose it; the row records the sending, so it is never sent twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_notifications"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "post"], name="network_notify_once_per_post"
            )
        ]

    def __str__(self):
        return f"{self.post} to {self.recipient}"


class DigestDelivery(models.Model):
    """One digest per member, frequency and period: the record that makes sending idempotent."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_digests"
    )
    frequency = models.CharField(max_length=6, choices=MemberProfile.Digest.choices)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    item_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "frequency", "period_start"],
                name="network_digest_once_per_period",
            )
        ]

    def __str__(self):
        return f"{self.frequency} digest {self.period_start:%Y-%m-%d} to {self.recipient}"
