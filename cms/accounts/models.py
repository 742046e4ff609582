from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserProfile(models.Model):
    """Who a user speaks for: the country of a national point of contact, a donor's organisation.

    Permission checks compare countries and organisations by their stable codes, so the
    profile may point at the term in any locale.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="poaiss_profile"
    )
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("country represented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation represented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Language of e-mails and certificates."),
    )

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self):
        return str(self.user)


class SignInFailure(models.Model):
    """One failed sign-in, kept for the lock-out window (see `cms.accounts.lockout`).

    Kept in the database rather than the cache, so a cache outage neither unlocks accounts
    nor stops counting, and the secretariat can see and lift a lock-out.
    """

    username = models.CharField(_("username"), max_length=150, db_index=True)
    address = models.CharField(_("client address"), max_length=64, db_index=True)
    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        ordering = ["-failed_at"]

    def __str__(self):
        return f"{self.username} from {self.address}"
