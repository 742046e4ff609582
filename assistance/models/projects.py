"""Projects: the assistance delivered, as the divisions list them and IATI exchanges them."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Budget, TranslatedText, money_field
from .iati_codes import DacSector, IatiOrganisationType
from .needs import Need
from .resources import Resource


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
    dac_sector = models.CharField(
        _("DAC sector"),
        max_length=5,
        choices=DacSector.choices,
        blank=True,
        help_text=_(
            "The OECD DAC purpose code of the project; empty: 15240 (SALW control) for a "
            "project on a thematic area of the PoA, none otherwise."
        ),
    )
    reporting_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("IATI reporting organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who publishes the project in IATI; empty: the system's publisher."),
    )
    reporting_org_ref = models.CharField(
        _("IATI organisation identifier"), max_length=100, blank=True
    )
    reporting_org_type = models.CharField(
        _("IATI organisation type"), max_length=2, choices=IatiOrganisationType.choices, blank=True
    )
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

    def iati_sector(self, theme_codes=None):
        """The project's DAC sector: its own, else SALW control for a PoA project, else ""."""
        if self.dac_sector:
            return self.dac_sector
        if theme_codes is None:
            theme_codes = [theme.code for theme in self.themes.all()] if self.pk else []
        return DacSector.SALW_CONTROL.value if theme_codes else ""

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError({"end_date": _("The project ends before it starts.")})
        reporting = (
            self.reporting_organisation_id,
            self.reporting_org_ref,
            self.reporting_org_type,
        )
        if any(reporting) and not all(reporting):
            missing = [
                name
                for name, value in zip(
                    ("reporting_organisation", "reporting_org_ref", "reporting_org_type"),
                    reporting,
                    strict=True,
                )
                if not value
            ]
            raise ValidationError(
                dict.fromkeys(
                    missing,
                    _("Give the reporting organisation, its IATI identifier and type, or none."),
                )
            )
