from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """A POST sent with an `Idempotency-Key` header, and the answer it got.

    Kept for a day (API_IDEMPOTENCY_KEY_SECONDS) so that a client retrying the same request
    gets that answer again instead of a second effect (see `cms.api.idempotency`). Stored in
    the database, not the cache: it holds when the cache is down.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=1024)
    # SHA-256 of the query and the parsed body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Who is running the first request, and since when; a claim older than
    # API_IDEMPOTENCY_LOCK_SECONDS was abandoned (its work rolled back) and may be taken over.
    claim = models.UUIDField()
    claimed_at = models.DateTimeField()
    # The answer, once the first request has finished.
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.TextField(blank=True)
    location = models.CharField(max_length=2048, blank=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key", "method", "path"], name="poaiss_api_idempotency_key_once"
            )
        ]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"
