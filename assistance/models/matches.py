"""Matches: a need with the resources proposed to meet it, and their review."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import Rating, StatusLifecycle, money_field
from .needs import Need
from .resources import Resource


class Match(StatusLifecycle):
    """A proposal that a resource (or a set of resources together) fund a need."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        UNDER_DISCUSSION = "under_discussion", _("under discussion")
        AGREED = "agreed", _("agreed")
        FUNDED = "funded", _("funded")
        COMPLETED = "completed", _("completed")
        DECLINED = "declined", _("declined")

    TRANSITIONS = {
        Status.PROPOSED: {Status.UNDER_DISCUSSION, Status.AGREED, Status.DECLINED},
        Status.UNDER_DISCUSSION: {Status.AGREED, Status.DECLINED},
        Status.AGREED: {Status.FUNDED, Status.DECLINED},
        Status.FUNDED: {Status.COMPLETED},
        Status.COMPLETED: set(),
        Status.DECLINED: {Status.UNDER_DISCUSSION},
    }

    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="matches"
    )
    resources = models.ManyToManyField(
        Resource, verbose_name=_("resources"), through="MatchResource", related_name="matches"
    )
    resource_key = models.CharField(
        _("resources (ids)"),
        max_length=255,
        help_text=_("The ids of the resources, sorted and joined by '+'."),
    )
    is_cofunding = models.BooleanField(_("co-funding"), default=False)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=4)
    rank = models.PositiveSmallIntegerField(_("rank"), default=1)
    breakdown = models.JSONField(_("score by criterion"), default=dict)
    is_current = models.BooleanField(
        _("proposed by the latest matching"),
        default=True,
        help_text=_("False once the engine no longer proposes it (kept for its history)."),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.PROPOSED
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    need_met_by_recipient = models.BooleanField(
        _("need met (recipient's view)"), null=True, blank=True
    )
    recipient_feedback = models.TextField(_("recipient feedback"), blank=True)
    recipient_rating = models.PositiveSmallIntegerField(
        _("rating (recipient's view)"), choices=Rating.choices, null=True, blank=True
    )
    need_met_by_provider = models.BooleanField(
        _("need met (provider's view)"), null=True, blank=True
    )
    provider_feedback = models.TextField(_("provider feedback"), blank=True)
    provider_rating = models.PositiveSmallIntegerField(
        _("rating (provider's view)"), choices=Rating.choices, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["need_id", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "resource_key"], name="assistance_match_once_per_resources"
            )
        ]

    def __str__(self):
        return f"{self.need} ↔ {self.resource_key}"

    @property
    def resource_ids(self):
        return [int(part) for part in self.resource_key.split("+")]

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    def change_status(self, status, user=None, note=""):
        """Record the step, and move the need with it (see `assistance.followup`)."""
        from ..followup import need_follows_match

        with transaction.atomic():
            super().change_status(status, user, note)
            need_follows_match(self, user)


class MatchResource(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="contributions")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    amount_usd = money_field(_("contribution in USD"))

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["match", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["match", "resource"], name="assistance_contribution")
        ]

    def __str__(self):
        return f"{self.resource} → {self.match}"
