"""Members of the network and the points-of-contact directory."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.instruments import Instrument
from cms.core.states import not_a_reporting_state

from .posts import LANGUAGE_CODES


def validate_language_codes(value):
    if not isinstance(value, list) or any(code not in LANGUAGE_CODES for code in value):
        raise ValidationError(
            _("Use a list of language codes among %(codes)s."),
            params={"codes": ", ".join(LANGUAGE_CODES)},
        )


class MemberProfile(models.Model):
    """A user's membership of the network: how they joined, who they are, what they know."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        REFUSED = "refused", _("Refused")
        LEFT = "left", _("Left")

    class Role(models.TextChoices):
        NATIONAL_POINT_OF_CONTACT = "national_point_of_contact", _("National point of contact")
        REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
        EXPERT = "expert", _("Expert")
        UN_STAFF = "un_staff", _("UN staff")

    Instrument = Instrument

    class Digest(models.TextChoices):
        NONE = "none", _("No digest")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_member",
        verbose_name=_("user"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPLIED
    )
    display_name = models.CharField(_("display name"), max_length=120)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    instrument = models.CharField(
        _("instrument"),
        max_length=10,
        choices=Instrument.choices,
        blank=True,
        help_text=_("For national points of contact: the instrument they are appointed for."),
    )
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes]
    )
    expertise = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic expertise"), blank=True, related_name="+"
    )
    application_note = models.TextField(_("application note"), blank=True)
    instant_notifications = models.BooleanField(_("instant e-mail notifications"), default=True)
    digest = models.CharField(
        _("digest"), max_length=6, choices=Digest.choices, default=Digest.WEEKLY
    )
    approved_posts = models.PositiveIntegerField(
        _("approved posts"),
        default=0,
        help_text=_("A new member's first posts are held for approval until this is reached."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        # However the member was admitted (API, admin form), the date is recorded.
        if self.status == self.Status.ACTIVE and self.joined_at is None:
            self.joined_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # Only a State has national points of contact; experts and others may be anywhere.
        national = self.role == self.Role.NATIONAL_POINT_OF_CONTACT
        if national and self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def country_code(self):
        return self.country.code if self.country_id else None

    @property
    def expertise_codes(self):
        return sorted(self.expertise.values_list("code", flat=True)) if self.pk else []

    def activate(self, decided_by=None):
        self.status = self.Status.ACTIVE
        self.decided_by = decided_by or self.decided_by
        self.joined_at = self.joined_at or timezone.now()
        self.save()


class PointOfContact(models.Model):
    """An entry of the directory: who to contact in a country or region, for which instrument.

    Names, organisations and roles are public; e-mail and telephone are for network members
    and the secretariat only.
    """

    Instrument = Instrument

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    country = models.ForeignKey(
        "core.Country", verbose_name=_("country"), on_delete=models.CASCADE, related_name="+"
    )
    instrument = models.CharField(_("instrument"), max_length=10, choices=Instrument.choices)
    scope = models.CharField(
        _("national or regional"), max_length=8, choices=Scope.choices, default=Scope.NATIONAL
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=255)
    role_title = models.CharField(_("role or title"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("point of contact")
        verbose_name_plural = _("points of contact")
        ordering = ["country__code", "scope", "instrument", "name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def clean(self):
        super().clean()
        # The directory is kept by State: territories have no points of contact of their own.
        if self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})
