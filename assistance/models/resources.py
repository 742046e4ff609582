"""Resources: the funds, programmes and other offers that can meet needs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.models import CountryGroup

from ..currency import to_usd, validate_currency
from .base import CapacityUnit, StatusLifecycle, TranslatedText, money_field


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
    grant_cap = money_field(
        _("largest grant"),
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("In-kind offers give their capacity below instead (0 here)."),
    )
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
    award_date = models.DateField(
        _("expected award"),
        null=True,
        blank=True,
        help_text=_("When the call's grants are decided: the earliest start of a funded project."),
    )
    decision_days = models.PositiveSmallIntegerField(
        _("days to a decision"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(730)],
        help_text=_(
            "Days from an application (rolling) or from the call's close to the decision, when "
            "no award date is given."
        ),
    )
    capacity_unit = models.CharField(
        _("in-kind capacity counted in"),
        max_length=20,
        choices=CapacityUnit.choices,
        blank=True,
        help_text=_("For expertise, training or equipment offered in kind, not as money."),
    )
    capacity = models.PositiveIntegerField(
        _("in-kind capacity"),
        null=True,
        blank=True,
        help_text=_("Person-days of expertise, training places or units of equipment offered."),
    )
    requires_need_from_national_report = models.BooleanField(
        _("only needs stated in national reports"),
        default=False,
        help_text=_("Accept only assistance needs that the State stated in its national report."),
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

    @property
    def is_in_kind(self):
        return bool(self.capacity_unit)

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
        if self.award_date and self.call_closes and self.award_date < self.call_closes:
            errors["award_date"] = _("Grants are awarded after the call closes, not before.")
        if self.award_date and self.rolling:
            errors["award_date"] = _(
                "A rolling window has no award date; give the days to a decision."
            )
        if bool(self.capacity_unit) != (self.capacity is not None):
            field = "capacity" if self.capacity_unit else "capacity_unit"
            errors[field] = _("Give both the capacity and what it counts, or neither.")
        elif self.capacity == 0:
            errors["capacity"] = _("Give a capacity of at least 1.")
        unknown = set(self.eligible_groups or []) - set(CountryGroup.values)
        if unknown:
            errors["eligible_groups"] = _("Unknown country groups: %(groups)s.") % {
                "groups": ", ".join(sorted(map(str, unknown)))
            }
        if errors:
            raise ValidationError(errors)
