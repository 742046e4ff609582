from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(processed_at__isnull=True)


class OutboxMessage(models.Model):
    """A piece of work to do after a commit, kept until a handler has done it.

    The row is written in the same transaction as the change that calls for it, so the work
    is never lost: if the broker is unreachable when the transaction commits, the periodic
    replay picks the row up later.
    """

    topic = models.CharField(_("topic"), max_length=100)
    key = models.CharField(
        _("key"),
        max_length=255,
        help_text=_("What the work is about; pending messages with the same key are done once."),
    )
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    objects = PendingQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["topic", "key"],
                condition=models.Q(processed_at__isnull=True),
                name="outbox_pending_by_key",
            ),
            models.Index(
                fields=["created_at"],
                condition=models.Q(processed_at__isnull=True),
                name="outbox_pending_by_age",
            ),
        ]

    def __str__(self):
        return f"{self.topic} {self.key}"
