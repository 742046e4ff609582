"""What needs, resources, matches and projects share: a recorded lifecycle, texts in
six languages, an amount in any currency with its value in US dollars.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.languages import pick_translation

from ..currency import to_usd, validate_currency


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class CapacityUnit(models.TextChoices):
    """What an in-kind offer gives, and a need asks, counted in: not dollars."""

    PERSON_DAYS = "person_days", _("person-days of expertise")
    PLACES = "places", _("training places")
    UNITS = "units", _("units of equipment")


class Rating(models.IntegerChoices):
    """How well a completed match met the need, in the eyes of one side."""

    POOR = 1, _("1 - poor")
    FAIR = 2, _("2 - fair")
    GOOD = 3, _("3 - good")
    VERY_GOOD = 4, _("4 - very good")
    EXCELLENT = 5, _("5 - excellent")


class StatusChange(models.Model):
    """One recorded step of a lifecycle: what changed, who did it, when, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from"), max_length=30, blank=True)
    to_status = models.CharField(_("to"), max_length=30)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"


class StatusLifecycle(models.Model):
    """A `status` whose every change is recorded with who and when (see `StatusChange`)."""

    history = GenericRelation(StatusChange)

    class Meta:
        abstract = True

    def change_status(self, status, user=None, note=""):
        previous = self.status
        self.status = status
        self.save()
        StatusChange.objects.create(
            subject=self,
            from_status=previous,
            to_status=status,
            changed_by=user if user and user.is_authenticated else None,
            note=note,
        )


class TranslatedText(models.Model):
    """A title and a description in the author's language, with translations alongside."""

    TRANSLATED_FIELDS = ("title", "description")

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Other languages: {"fr": {"title": "...", "description": "..."}}.'),
    )

    class Meta:
        abstract = True

    def in_language(self, language):
        """(language served, {field: text}): the translation, else the original."""
        originals = {name: getattr(self, name) for name in self.TRANSLATED_FIELDS}
        return self.texts_in(language, self.original_language, self.translations, originals)

    @classmethod
    def texts_in(cls, language, original_language, translations, originals):
        """`in_language` for values read without a model instance (reports over many rows)."""
        texts = {
            code: {name: texts.get(name, "") for name in cls.TRANSLATED_FIELDS}
            for code, texts in (translations or {}).items()
            if isinstance(texts, dict) and texts.get("title")
        }
        # The record's own fields are its original language, whatever its translations say.
        texts[original_language] = originals
        return pick_translation(texts, language, source=original_language)

    def clean(self):
        super().clean()
        languages = {code for code, _name in settings.LANGUAGES}
        for language, texts in (self.translations or {}).items():
            if language not in languages or not isinstance(texts, dict):
                raise ValidationError(
                    {"translations": _("Give texts by UN language code, e.g. {'fr': {...}}.")}
                )


class Budget(models.Model):
    amount = money_field(_("amount"), validators=[MinValueValidator(0)])
    currency = models.CharField(
        _("currency"), max_length=3, default="USD", validators=[validate_currency]
    )
    amount_usd = money_field(_("amount in USD"), editable=False, default=0)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.amount_usd = to_usd(self.amount, self.currency)
        super().save(*args, **kwargs)
