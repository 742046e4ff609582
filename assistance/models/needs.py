"""Needs: what a State asks for, in its lifecycle from draft to completion."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.states import not_a_reporting_state

from .base import Budget, CapacityUnit, StatusLifecycle, TranslatedText


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
        # A validated need is seen by donors, so it can be matched and funded before (or
        # without) being published.
        Status.VALIDATED: {
            Status.PUBLISHED,
            Status.SUBMITTED,
            Status.MATCHED,
            Status.PARTLY_FUNDED,
            Status.FUNDED,
            Status.WITHDRAWN,
        },
        Status.PUBLISHED: {Status.MATCHED, Status.PARTLY_FUNDED, Status.FUNDED, Status.WITHDRAWN},
        Status.MATCHED: {
            Status.VALIDATED,
            Status.PUBLISHED,
            Status.PARTLY_FUNDED,
            Status.FUNDED,
            Status.WITHDRAWN,
        },
        Status.PARTLY_FUNDED: {Status.FUNDED, Status.MATCHED, Status.WITHDRAWN},
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

    # Countries are ISO 3166 terms, only ever removed with everything about them. Only a
    # reporting State (a UN Member State or non-member observer State) states needs.
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
    latest_start_date = models.DateField(
        _("latest useful start"),
        null=True,
        blank=True,
        help_text=_(
            "The latest date at which the assistance is still useful; empty: the desired start."
        ),
    )
    open_since = models.DateField(
        _("open to assistance since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the secretariat validated the need: from then on it can be proposed."),
    )
    required_unit = models.CharField(
        _("in-kind assistance counted in"), max_length=20, choices=CapacityUnit.choices, blank=True
    )
    required_quantity = models.PositiveIntegerField(
        _("in-kind assistance required"),
        null=True,
        blank=True,
        help_text=_("Person-days of expertise, training places or units of equipment needed."),
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
        if self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})
        if (
            self.national_report_id
            and self.country_id
            and self.national_report.country.code != self.country.code
        ):
            raise ValidationError(
                {"national_report": _("The report must be one of the requesting State.")}
            )
        errors = {}
        if self.latest_start_date and self.start_date and self.latest_start_date < self.start_date:
            errors["latest_start_date"] = _("The latest useful start comes before the desired one.")
        if bool(self.required_unit) != (self.required_quantity is not None):
            field = "required_quantity" if self.required_unit else "required_unit"
            errors[field] = _("Give both the quantity and what it counts, or neither.")
        elif self.required_quantity == 0:
            errors["required_quantity"] = _("Give a quantity of at least 1.")
        if errors:
            raise ValidationError(errors)

    @property
    def latest_useful_start(self):
        return self.latest_start_date or self.start_date

    @property
    def is_stated_in_report(self):
        """Whether the State stated this need in a national report: linked to the report, or
        proposed from one of its entries and not discarded."""
        if self.national_report_id:
            return True
        link = getattr(self, "stated_in_report", None)
        return link is not None and link.state in (link.State.PROPOSED, link.State.CONFIRMED)

    def save(self, *args, **kwargs):
        if self.open_since is None and self.status in self.VALIDATED_STATUSES:
            self.open_since = timezone.localdate()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "open_since"}
        super().save(*args, **kwargs)

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    def give_consent(self, user):
        self.consent_to_publish = True
        self.consent_given_by = user if user and user.is_authenticated else None
        self.consent_given_at = timezone.now()
