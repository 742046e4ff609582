"""Submissions of national reports: who submitted when, and who reopened a report.

A submission locks its report: nobody changes a submitted report until the secretariat
reopens it. The rows stay as the report's record of submission and reopening; they are kept
apart from the page so that publishing a revision never rewrites them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSubmissionQuerySet(models.QuerySet):
    def locking(self):
        """Submissions not reopened: each locks its report."""
        return self.filter(reopened_at__isnull=True)


class ReportSubmission(models.Model):
    report = models.ForeignKey(
        "library.NationalReportPage",
        verbose_name=_("national report"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision submitted"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    receipt_sent_at = models.DateTimeField(_("receipt sent"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("reopened"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reopened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    objects = ReportSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=models.Q(reopened_at__isnull=True),
                name="library_one_locking_submission_per_report",
            )
        ]

    def __str__(self):
        return f"{self.report_id} {self.submitted_at:%Y-%m-%d}"
