"""Text extracted from uploaded national report files, kept for search."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The text of one stored document, or why it could not be read."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        EXTRACTED = "extracted", _("extracted")
        FAILED = "failed", _("failed")

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    text = models.TextField(_("text"), blank=True)
    error = models.TextField(_("error message"), blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    # The file's SHA-256: a file already processed is not read again.
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("extracted report text")
        verbose_name_plural = _("extracted report texts")
        ordering = ["-updated_at"]

    def __str__(self):
        return str(self.document)
