"""Stored sections of the country profiles, refreshed when a country's content changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CountryProfileSection(models.Model):
    """The public data of one section of one country's profile, in one language."""

    country_code = models.CharField(_("country code"), max_length=2, db_index=True)
    language = models.CharField(_("language"), max_length=7)
    section = models.CharField(_("section"), max_length=50)
    data = models.JSONField(_("data"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("country profile section")
        verbose_name_plural = _("country profile sections")
        constraints = [
            models.UniqueConstraint(
                fields=["country_code", "language", "section"],
                name="library_profile_section_unique",
            )
        ]

    def __str__(self):
        return f"{self.country_code} {self.language} {self.section}"
