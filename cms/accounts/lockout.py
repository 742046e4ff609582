"""Sign-in lock-out: after repeated failures an account is refused for a while, even with the
right password and from any address, wherever it signs in (the API token endpoint, the admin,
any login form).

Two ceilings over a sliding window: failures for one account (whoever made them), and
failures from one client address (whatever accounts they tried), so a guesser who spreads
over many accounts is stopped too. Failures are rows in the database (`SignInFailure`): the
count survives a cache outage, and the secretariat can lift a lock-out in the admin.
Client addresses are read behind the configured number of trusted proxies only, like the
API's throttles.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.utils import timezone
from rest_framework.throttling import BaseThrottle

from .models import SignInFailure


def client_address(request):
    """The client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies only."""
    if request is None or not hasattr(request, "META"):
        return "unknown"
    return BaseThrottle().get_ident(request) or "unknown"


def normalised(username):
    return (username or "").strip().lower()[:150]


def limits():
    config = settings.POAISS_LOGIN_LOCKOUT
    return (
        config["FAILURES"],
        config.get("ADDRESS_FAILURES", config["FAILURES"] * 10),
        timedelta(seconds=config["SECONDS"]),
    )


def recent_failures():
    _account, _address, window = limits()
    return SignInFailure.objects.filter(failed_at__gte=timezone.now() - window)


def is_locked(username, request):
    account_ceiling, address_ceiling, _window = limits()
    recent = recent_failures()
    return (
        recent.filter(username=normalised(username)).count() >= account_ceiling
        or recent.filter(address=client_address(request)).count() >= address_ceiling
    )


def record_failure(sender, credentials, request=None, **kwargs):
    SignInFailure.objects.create(
        username=normalised(credentials.get("username")), address=client_address(request)
    )


def clear_failures(sender, request, user, **kwargs):
    SignInFailure.objects.filter(username=normalised(user.get_username())).delete()


def locked_accounts():
    """Accounts locked out now: username, failures in the window, the latest failure."""
    account_ceiling, _address, _window = limits()
    return (
        recent_failures()
        .values("username")
        .annotate(failures=Count("pk"), last_failure=Max("failed_at"))
        .filter(failures__gte=account_ceiling)
        .order_by("-last_failure")
    )


def unlock(username):
    """Lift an account's lock-out at once (the secretariat, in the admin)."""
    SignInFailure.objects.filter(username=normalised(username)).delete()


def purge_expired():
    """Forget failures older than the window; returns how many were removed."""
    _account, _address, window = limits()
    deleted, _detail = SignInFailure.objects.filter(failed_at__lt=timezone.now() - window).delete()
    return deleted


class LockoutModelBackend(ModelBackend):
    """Django's model backend, refusing locked accounts and addresses before any password."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_locked(username, request):
            # Django stops at PermissionDenied and reports the attempt as failed.
            raise PermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)
