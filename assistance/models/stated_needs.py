"""The link between a need and the entry of a national report in which the State stated it.

A State states its needs in its report (question `poa-iii-needs`, one entry per need, each
with a stable `id`); publishing the report proposes each entry as a draft need. The link is
keyed by the State, the cycle and the entry, not by the report page: the report exists in six
languages (one page each, the same entries) and may be republished any number of times, and
each entry must stay one need.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class StatedNeed(models.Model):
    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed from the report")
        CONFIRMED = "confirmed", _("confirmed by the State")
        DISCARDED = "discarded", _("discarded by the State")
        WITHDRAWN = "withdrawn", _("removed from the report before confirmation")

    need = models.OneToOneField(
        "assistance.Need",
        verbose_name=_("assistance need"),
        on_delete=models.CASCADE,
        related_name="stated_in_report",
    )
    country_code = models.CharField(_("State"), max_length=2)
    cycle_code = models.CharField(_("reporting cycle"), max_length=20)
    cycle_year = models.PositiveSmallIntegerField(_("year of the cycle"), null=True, blank=True)
    question_code = models.CharField(_("question"), max_length=100)
    entry_id = models.CharField(_("entry"), max_length=64)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PROPOSED
    )
    # The entry as the need last took it from the report: a later edit of the report is
    # compared with it, so that only what the State changed in the report is proposed.
    entry = models.JSONField(_("entry as stated"), default=dict)
    # What a republished report changed in the entry of a confirmed need, waiting to be
    # accepted (the new entry and the need's fields it would change); empty when nothing waits.
    pending_entry = models.JSONField(_("entry as now stated"), default=dict, blank=True)
    proposed_changes = models.JSONField(_("proposed changes"), default=dict, blank=True)
    removed_from_report = models.BooleanField(_("removed from the report"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("need stated in a national report")
        verbose_name_plural = _("needs stated in national reports")
        constraints = [
            models.UniqueConstraint(
                fields=["country_code", "cycle_code", "question_code", "entry_id"],
                name="one_need_per_report_entry",
            )
        ]

    def __str__(self):
        return f"{self.country_code} {self.cycle_code} {self.entry_id}"

    @property
    def source(self):
        cycle = f"{self.cycle_code} {self.cycle_year}" if self.cycle_year else self.cycle_code
        return gettext("Stated in the national report %(cycle)s") % {"cycle": cycle}


# Named for the OpenAPI schema (see ENUM_NAME_OVERRIDES): the states of a stated need.
STATED_NEED_STATES = StatedNeed.State.choices
