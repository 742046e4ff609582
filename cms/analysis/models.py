"""What the figures count: the published answer of each State in each cycle.

A national report is a page with its answers as JSON; counting across 195 States and a
dozen cycles from the pages would read every report on every request. These rows hold, per
State and cycle, the one published report that speaks for the State and the value of each
answer, kept in step by `cms.analysis.facts` whenever a report is published, unpublished or
deleted. `CycleReports` and `CycleAnswers` roll them up per cycle (and question), so that
a figure over every State and a dozen cycles reads a dozen small rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StateReport(models.Model):
    """The published national report that speaks for a State in a cycle."""

    cycle = models.ForeignKey(
        "library.ReportingCycle",
        verbose_name=_("reporting cycle"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    country_code = models.CharField(_("country code"), max_length=2)
    report = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("report"), on_delete=models.CASCADE, related_name="+"
    )
    covers_poa = models.BooleanField(_("reports on the PoA"))
    covers_iti = models.BooleanField(_("reports on the ITI"))
    published_at = models.DateTimeField(_("published"), null=True)

    class Meta:
        verbose_name = _("published report counted in the analysis")
        verbose_name_plural = _("published reports counted in the analysis")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "country_code"], name="analysis_one_report_per_state_and_cycle"
            )
        ]

    def __str__(self):
        return f"{self.country_code} {self.cycle_id}"


class StateAnswer(models.Model):
    """One answer of a counted report, reduced to what figures count."""

    state_report = models.ForeignKey(StateReport, on_delete=models.CASCADE, related_name="answers")
    question_code = models.CharField(_("question"), max_length=100)
    # One of the questionnaire's status values (yes, no, in_development, not_applicable).
    status = models.CharField(_("status"), max_length=20, blank=True)
    number = models.FloatField(_("number"), null=True)
    # For list questions: how many entries (laws, procedures, instruments) the State gave.
    entry_count = models.PositiveIntegerField(_("entries"), null=True)

    class Meta:
        verbose_name = _("counted answer")
        verbose_name_plural = _("counted answers")
        constraints = [
            models.UniqueConstraint(
                fields=["state_report", "question_code"], name="analysis_one_answer_per_question"
            )
        ]
        indexes = [models.Index(fields=["question_code"], name="analysis_answer_question")]

    def __str__(self):
        return self.question_code


class CycleReports(models.Model):
    """The States counted in one cycle and the instruments their reports cover, in one row.

    {State code: [covers PoA, covers ITI]}: rolled up from `StateReport` whenever a State's
    count changes, so that a figure over twelve cycles reads twelve small rows.
    """

    cycle = models.OneToOneField(
        "library.ReportingCycle", on_delete=models.CASCADE, related_name="+"
    )
    reports = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("reports counted in a cycle")
        verbose_name_plural = _("reports counted in each cycle")

    def __str__(self):
        return str(self.cycle_id)


class CycleAnswers(models.Model):
    """Every counted answer to one question in one cycle, in one row.

    {State code: [status, number, entry count]}, rolled up from `StateAnswer`.
    """

    cycle = models.ForeignKey("library.ReportingCycle", on_delete=models.CASCADE, related_name="+")
    question_code = models.CharField(_("question"), max_length=100)
    answers = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("answers counted in a cycle")
        verbose_name_plural = _("answers counted in each cycle")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "question_code"], name="analysis_one_roll_up_per_question"
            )
        ]

    def __str__(self):
        return self.question_code
