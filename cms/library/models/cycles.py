"""Reporting cycles: the meetings of States for which national reports are filed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from blocks.symbols import undocs_url, validate_symbol

# The names the UN gives each meeting. One message per meeting, so that each language can
# agree the ordinal with its noun (Russian "девятое совещание", "четвёртая конференция").
LABELS = {
    ("bms", 1): _("First Biennial Meeting of States"),
    ("bms", 2): _("Second Biennial Meeting of States"),
    ("bms", 3): _("Third Biennial Meeting of States"),
    ("bms", 4): _("Fourth Biennial Meeting of States"),
    ("bms", 5): _("Fifth Biennial Meeting of States"),
    ("bms", 6): _("Sixth Biennial Meeting of States"),
    ("bms", 7): _("Seventh Biennial Meeting of States"),
    ("bms", 8): _("Eighth Biennial Meeting of States"),
    ("bms", 9): _("Ninth Biennial Meeting of States"),
    ("bms", 10): _("Tenth Biennial Meeting of States"),
    ("revcon", 1): _("First Review Conference"),
    ("revcon", 2): _("Second Review Conference"),
    ("revcon", 3): _("Third Review Conference"),
    ("revcon", 4): _("Fourth Review Conference"),
    ("revcon", 5): _("Fifth Review Conference"),
}


class ReportingCycleQuerySet(models.QuerySet):
    def open_for_submissions(self):
        """The cycle States file their reports for now, or None."""
        return self.filter(is_open_for_submissions=True).first()


class ReportingCycle(models.Model):
    """A meeting for which States report, e.g. BMS6 (2016) or RevCon4 (2024)."""

    class Meeting(models.TextChoices):
        BMS = "bms", _("Biennial Meeting of States")
        REVCON = "revcon", _("Review Conference")

    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("e.g. BMS6"))
    meeting = models.CharField(_("meeting"), max_length=10, choices=Meeting.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year the national reports for this meeting carry.")
    )
    start_date = models.DateField(_("first day of the meeting"), null=True, blank=True)
    end_date = models.DateField(_("last day of the meeting"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=100, blank=True)
    report_symbol = models.CharField(
        _("report symbol"),
        max_length=100,
        blank=True,
        validators=[validate_symbol],
        help_text=_("The meeting's final report, e.g. A/CONF.192/BMS/2008/3."),
    )
    outcome_symbol = models.CharField(
        _("outcome document symbol"),
        max_length=100,
        blank=True,
        validators=[validate_symbol],
        help_text=_("The outcome document, where it was issued on its own."),
    )
    is_open_for_submissions = models.BooleanField(
        _("open for submissions"),
        default=False,
        help_text=_(
            "National points of contact file reports for this cycle. "
            "Only one cycle is open at a time."
        ),
    )

    questionnaire = models.ForeignKey(
        "library.QuestionnaireVersion",
        verbose_name=_("questionnaire version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cycles",
        help_text=_("The version of the questionnaire the reports of this cycle answer."),
    )

    objects = ReportingCycleQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("meeting"), FieldPanel("number")]),
        FieldPanel("year"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldPanel("report_symbol"),
                FieldPanel("outcome_symbol"),
            ],
            heading=_("Meeting"),
        ),
        FieldPanel("questionnaire"),
        FieldPanel("is_open_for_submissions"),
    ]

    class Meta:
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        ordering = ["year", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_open_for_submissions"],
                condition=models.Q(is_open_for_submissions=True),
                name="library_one_reporting_cycle_open",
                violation_error_message=_("Only one reporting cycle is open at a time."),
            )
        ]

    def __str__(self):
        return f"{self.code} {self.year}"

    @property
    def label(self):
        """The meeting's name as the UN writes it, in the active language."""
        label = LABELS.get((self.meeting, self.number))
        if label is None:
            return _("%(meeting)s %(number)d (%(year)d)") % {
                "meeting": self.get_meeting_display(),
                "number": self.number,
                "year": self.year,
            }
        return label

    @property
    def report_url(self):
        return undocs_url(self.report_symbol) if self.report_symbol else None

    @property
    def outcome_url(self):
        return undocs_url(self.outcome_symbol) if self.outcome_symbol else None

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The meeting cannot end before it starts.")})
        if self.is_open_for_submissions:
            already_open = (
                ReportingCycle.objects.filter(is_open_for_submissions=True)
                .exclude(pk=self.pk)
                .first()
            )
            if already_open is not None:
                raise ValidationError(
                    {
                        "is_open_for_submissions": _(
                            "%(open)s is open for submissions, and only one cycle is open "
                            "at a time: close %(open)s first, then open this one."
                        )
                        % {"open": already_open}
                    }
                )

    def closed_message(self):
        """Why no report may be filed for this cycle: it is not the open one."""
        open_cycle = ReportingCycle.objects.open_for_submissions()
        if open_cycle is None:
            return _("Reports for %(cycle)s are closed; no cycle is open for submissions.") % {
                "cycle": self
            }
        return _(
            "Reports for %(cycle)s are closed; the cycle open for submissions is %(open)s."
        ) % {"cycle": self, "open": open_cycle}
