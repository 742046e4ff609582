"""MOSAIC clauses, a State's self-assessments against them, and the needs proposed from gaps.

Modules are the kernel's taxonomy terms (`core.MosaicModule`, from `cms/core/data/
taxonomy.yaml`); records point at their source-language rows, as every taxonomy link does.
A clause's text is kept in the source language with its translations alongside
(`{"fr": "..."}`), as assistance keeps the titles of needs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.languages import pick_translation, source_language

EVIDENCE_LIMIT = 2000


class Rating(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    PARTIAL = "partial", _("partially met")
    LARGELY = "largely", _("largely met")
    FULLY = "fully", _("fully met")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


RATINGS = Rating.choices
PRIORITIES = Priority.choices


class Clause(models.Model):
    """A requirement ("shall" clause) of a module, in the project's own words."""

    module = models.ForeignKey(
        "core.MosaicModule",
        verbose_name=_("MOSAIC module"),
        # Terms are only ever removed with everything about them, as for best practices.
        on_delete=models.CASCADE,
        related_name="+",
    )
    number = models.CharField(_("clause number"), max_length=20)
    theme = models.ForeignKey(
        "core.ThematicArea",
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The thematic area of an assistance need proposed for this clause."),
    )
    text = models.TextField(_("requirement"), help_text=_("In the source language."))
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('The requirement in the other languages: {"fr": "..."}.'),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("MOSAIC clause")
        verbose_name_plural = _("MOSAIC clauses")
        ordering = ["module__code", "sort_order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="mosaic_clause_unique")
        ]

    def __str__(self):
        return f"{self.module.code} {self.number}"

    @property
    def code(self):
        return f"{self.module.code}/{self.number}"

    def in_language(self, language):
        """(language served, text): the translation, else the source-language text."""
        texts = {code: text for code, text in (self.translations or {}).items() if text}
        texts[source_language()] = self.text
        return pick_translation(texts, language)


class Assessment(models.Model):
    """A State's self-assessment against the clauses of one or more modules."""

    country = models.ForeignKey(
        "core.Country", verbose_name=_("State"), on_delete=models.CASCADE, related_name="+"
    )
    modules = models.ManyToManyField(
        "core.MosaicModule", verbose_name=_("MOSAIC modules"), related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    shared = models.BooleanField(
        _("shared"),
        default=False,
        help_text=_("The State shares this assessment: anyone may read it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("MOSAIC self-assessment")
        verbose_name_plural = _("MOSAIC self-assessments")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        return self.title


class ClauseRating(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="ratings"
    )
    clause = models.ForeignKey(
        Clause, verbose_name=_("clause"), on_delete=models.CASCADE, related_name="+"
    )
    rating = models.CharField(
        _("rating"), max_length=20, choices=Rating.choices, default=Rating.NOT_STARTED
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    evidence = models.TextField(_("evidence"), max_length=EVIDENCE_LIMIT, blank=True)

    class Meta:
        verbose_name = _("clause rating")
        verbose_name_plural = _("clause ratings")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "clause"], name="mosaic_rating_unique")
        ]

    def __str__(self):
        return f"{self.clause}: {self.rating}"

    def clean(self):
        if len(self.evidence or "") > EVIDENCE_LIMIT:
            raise ValidationError({"evidence": _("The evidence is too long.")})


class GapNeed(models.Model):
    """The assistance need proposed for a State's gap on one clause (one per State and clause).

    Keyed by the State and the clause, not the assessment: proposing again, from the same
    assessment or a later one, finds the need already proposed instead of adding another.
    """

    country_code = models.CharField(_("State"), max_length=2)
    clause = models.ForeignKey(
        Clause, verbose_name=_("clause"), on_delete=models.CASCADE, related_name="+"
    )
    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("assessment"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="gap_needs",
        help_text=_("The assessment the need was proposed from."),
    )
    need = models.OneToOneField(
        "assistance.Need",
        verbose_name=_("assistance need"),
        on_delete=models.CASCADE,
        related_name="mosaic_gap",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("need proposed from a MOSAIC gap")
        verbose_name_plural = _("needs proposed from MOSAIC gaps")
        constraints = [
            models.UniqueConstraint(fields=["country_code", "clause"], name="mosaic_gap_unique")
        ]

    def __str__(self):
        return f"{self.country_code} {self.clause} → {self.need_id}"
