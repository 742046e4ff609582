"""Needs, resources, the matches between them and the projects that come out of them.

Taxonomy terms (countries, regions, themes, forms, organisations) are translatable rows, one
per locale; these models point at the rows of the source language (English) and the API
names them by code, in the reader's language.

Titles and descriptions are written once in the language of their author
(`original_language`) and translated in `translations` ({"fr": {"title": ..., ...}}): a
need keeps one identity, one status and one history whatever language it is read in.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.models import CountryGroup

from .currency import to_usd, validate_currency


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


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
        translated = self.translations.get(language) or {}
        if language != self.original_language and translated.get("title"):
            return language, {name: translated.get(name, "") for name in self.TRANSLATED_FIELDS}
        return self.original_language, {
            name: getattr(self, name) for name in self.TRANSLATED_FIELDS
        }

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


class Priority(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("medium")
    HIGH = 3, _("high")


class Need(StatusLifecycle, TranslatedText, Budget):
    """An assistance request of a State (or of an organisation on its behalf)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        VALIDATED = "validated", _("validated by the secretariat")
        PUBLISHED = "published", _("published")
        MATCHED = "matched", _("matched")
        PARTLY_FUNDED = "partly_funded", _("partly funded")
        FUNDED = "funded", _("funded")
        COMPLETED = "completed", _("completed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # The lifecycle: which status may follow which.
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
        Status.SUBMITTED: {Status.DRAFT, Status.VALIDATED, Status.WITHDRAWN},
        Status.VALIDATED: {Status.PUBLISHED, Status.SUBMITTED, Status.WITHDRAWN},
        Status.PUBLISHED: {Status.MATCHED, Status.PARTLY_FUNDED, Status.FUNDED, Status.WITHDRAWN},
        Status.MATCHED: {Status.PUBLISHED, Status.PARTLY_FUNDED, Status.FUNDED, Status.WITHDRAWN},
        Status.PARTLY_FUNDED: {Status.FUNDED, Status.WITHDRAWN},
        Status.FUNDED: {Status.COMPLETED},
        Status.COMPLETED: set(),
        Status.WITHDRAWN: {Status.DRAFT},
    }
    # Statuses in which a need may be served to the public (if the State consented).
    PUBLIC_STATUSES = {
        Status.PUBLISHED,
        Status.MATCHED,
        Status.PARTLY_FUNDED,
        Status.FUNDED,
        Status.COMPLETED,
    }
    # Statuses in which the secretariat has validated the need.
    VALIDATED_STATUSES = PUBLIC_STATUSES | {Status.VALIDATED}
    # Statuses in which the engine looks for resources (never for funded needs).
    MATCHABLE_STATUSES = {Status.VALIDATED, Status.PUBLISHED, Status.MATCHED, Status.PARTLY_FUNDED}

    # Countries are ISO 3166 terms, only ever removed with everything about them.
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("requesting State"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    applicant = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("applying organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The organisation that applies on the State's behalf (a UN agency, an NGO...); "
            "empty when the State applies itself."
        ),
    )
    themes = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic areas"), related_name="+"
    )
    forms = models.ManyToManyField(
        "core.AssistanceForm", verbose_name=_("forms of assistance"), related_name="+"
    )
    start_date = models.DateField(
        _("desired start"), help_text=_("When the assistance should begin.")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    concerns_iti = models.BooleanField(
        _("concerns the International Tracing Instrument"), default=False
    )
    reference = models.CharField(
        _("reference"),
        max_length=150,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "The reference given in an imported table; importing it again updates this record."
        ),
    )
    national_report = models.ForeignKey(
        "library.NationalReportPage",
        verbose_name=_("national report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assistance_needs",
        help_text=_("The national report in which the State stated this need."),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT
    )
    consent_to_publish = models.BooleanField(_("the State consents to publication"), default=False)
    consent_given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent given by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_given_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True, editable=False
    )
    contact_name = models.CharField(_("point of contact"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
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
        verbose_name = _("assistance need")
        verbose_name_plural = _("assistance needs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.status in self.PUBLIC_STATUSES and self.consent_to_publish

    def clean(self):
        super().clean()
        if (
            self.national_report_id
            and self.country_id
            and self.national_report.country.code != self.country.code
        ):
            raise ValidationError(
                {"national_report": _("The report must be one of the requesting State.")}
            )

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    def give_consent(self, user):
        self.consent_to_publish = True
        self.consent_given_by = user if user and user.is_authenticated else None
        self.consent_given_at = timezone.now()


class Resource(StatusLifecycle, TranslatedText):
    """A fund, programme, bilateral offer, expertise roster or equipment offer."""

    class Kind(models.TextChoices):
        FUND = "fund", _("fund")
        PROGRAMME = "programme", _("programme")
        BILATERAL_OFFER = "bilateral", _("bilateral offer")
        EXPERTISE_ROSTER = "roster", _("expertise roster")
        EQUIPMENT_OFFER = "equipment", _("equipment offer")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ACTIVE = "active", _("active")
        CLOSED = "closed", _("closed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    provider = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The fund or organisation that provides the resource."),
    )
    provider_country = models.ForeignKey(
        "core.Country",
        verbose_name=_("donor State"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic areas"), related_name="+"
    )
    forms = models.ManyToManyField(
        "core.AssistanceForm", verbose_name=_("forms of assistance"), related_name="+"
    )
    priority_themes = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("priority themes"), blank=True, related_name="+"
    )
    priority_regions = models.ManyToManyField(
        "core.Region", verbose_name=_("priority regions"), blank=True, related_name="+"
    )
    is_global = models.BooleanField(
        _("open to every country"),
        default=False,
        help_text=_("Otherwise only the countries, regions and groups below are eligible."),
    )
    eligible_countries = models.ManyToManyField(
        "core.Country", verbose_name=_("eligible countries"), blank=True, related_name="+"
    )
    eligible_regions = models.ManyToManyField(
        "core.Region", verbose_name=_("eligible regions"), blank=True, related_name="+"
    )
    eligible_groups = models.JSONField(
        _("eligible country groups"),
        default=list,
        blank=True,
        help_text=_("Any of: ldc, lldc, sids."),
    )
    eligible_applicant_types = models.ManyToManyField(
        "core.OrganisationType",
        verbose_name=_("eligible applicants"),
        blank=True,
        related_name="+",
        help_text=_("Empty: any applicant."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, default="USD", validators=[validate_currency]
    )
    grant_floor = money_field(_("smallest grant"), default=0, validators=[MinValueValidator(0)])
    grant_cap = money_field(_("largest grant"), validators=[MinValueValidator(0)])
    grant_floor_usd = money_field(_("smallest grant in USD"), default=0, editable=False)
    grant_cap_usd = money_field(_("largest grant in USD"), default=0, editable=False)
    cofunding_percent = models.PositiveSmallIntegerField(
        _("co-funding required (%)"),
        default=0,
        validators=[MaxValueValidator(90)],
        help_text=_("Share of the budget that must come from other sources."),
    )
    min_duration_months = models.PositiveSmallIntegerField(
        _("shortest project (months)"), null=True, blank=True
    )
    max_duration_months = models.PositiveSmallIntegerField(
        _("longest project (months)"), null=True, blank=True
    )
    rolling = models.BooleanField(_("open all year (rolling)"), default=False)
    call_opens = models.DateField(_("call opens"), null=True, blank=True)
    call_closes = models.DateField(_("call closes"), null=True, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=150,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "The reference given in an imported table; importing it again updates this record."
        ),
    )
    requirements = models.TextField(
        _("requirements for access"),
        blank=True,
        help_text=_("What the engine cannot check: endorsements, reporting, audits..."),
    )
    contact_name = models.CharField(_("contact"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
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
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.grant_floor_usd = to_usd(self.grant_floor, self.currency)
        self.grant_cap_usd = to_usd(self.grant_cap, self.currency)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.grant_cap is not None and self.grant_floor > self.grant_cap:
            errors["grant_floor"] = _("The smallest grant exceeds the largest.")
        if (
            self.min_duration_months
            and self.max_duration_months
            and self.min_duration_months > self.max_duration_months
        ):
            errors["min_duration_months"] = _("The shortest project exceeds the longest.")
        if not self.rolling and not self.call_closes:
            errors["call_closes"] = _("Give the closing date of the call, or mark it rolling.")
        if self.call_opens and self.call_closes and self.call_opens > self.call_closes:
            errors["call_opens"] = _("The call opens after it closes.")
        unknown = set(self.eligible_groups or []) - set(CountryGroup.values)
        if unknown:
            errors["eligible_groups"] = _("Unknown country groups: %(groups)s.") % {
                "groups": ", ".join(sorted(map(str, unknown)))
            }
        if errors:
            raise ValidationError(errors)


class Match(StatusLifecycle):
    """A proposal that a resource (or a set of resources together) fund a need."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        UNDER_DISCUSSION = "under_discussion", _("under discussion")
        AGREED = "agreed", _("agreed")
        FUNDED = "funded", _("funded")
        DECLINED = "declined", _("declined")

    TRANSITIONS = {
        Status.PROPOSED: {Status.UNDER_DISCUSSION, Status.AGREED, Status.DECLINED},
        Status.UNDER_DISCUSSION: {Status.AGREED, Status.DECLINED},
        Status.AGREED: {Status.FUNDED, Status.DECLINED},
        Status.FUNDED: set(),
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
    need_met_by_provider = models.BooleanField(
        _("need met (provider's view)"), null=True, blank=True
    )
    provider_feedback = models.TextField(_("provider feedback"), blank=True)
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


class Project(TranslatedText, Budget):
    """A funded activity (the record shape of a development-cooperation project listing)."""

    TRANSLATED_FIELDS = ("title", "description", "expectations", "objective", "accomplishments")

    class Status(models.TextChoices):
        # The IATI activity statuses.
        PIPELINE = "pipeline", _("pipeline")
        IMPLEMENTATION = "implementation", _("implementation")
        FINALISATION = "finalisation", _("finalisation")
        CLOSED = "closed", _("closed")
        CANCELLED = "cancelled", _("cancelled")
        SUSPENDED = "suspended", _("suspended")

    code = models.CharField(_("code"), max_length=60, unique=True)
    iati_identifier = models.CharField(
        _("IATI identifier"),
        max_length=150,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The iati-identifier of the activity this project was imported from."),
    )
    expectations = models.TextField(_("expectations"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    accomplishments = models.TextField(_("key accomplishments"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    funding_source = models.CharField(_("funding source"), max_length=255, blank=True)
    division = models.CharField(_("division"), max_length=255, blank=True)
    implementing_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("implementing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_countries = models.ManyToManyField(
        "core.Country", verbose_name=_("focus countries"), blank=True, related_name="+"
    )
    focus_regions = models.ManyToManyField(
        "core.Region",
        verbose_name=_("focus regions"),
        blank=True,
        related_name="+",
        help_text=_("UN M49 regions the project serves as a whole."),
    )
    themes = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic areas"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IMPLEMENTATION
    )
    comment = models.TextField(_("comment"), blank=True)
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs"), blank=True, related_name="projects"
    )
    resources = models.ManyToManyField(
        Resource, verbose_name=_("resources"), blank=True, related_name="projects"
    )
    amount = money_field(_("budget"), null=True, blank=True, validators=[MinValueValidator(0)])
    amount_usd = money_field(_("budget in USD"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError({"end_date": _("The project ends before it starts.")})
