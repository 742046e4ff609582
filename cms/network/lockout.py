"""Login lock-out: after repeated failures an account is refused for a while, even with the
right password, wherever it signs in (the API token endpoint, the admin, any login form).

A small counter in the shared cache, keyed by the username and the client address, fed by
Django's `user_login_failed` signal; `LockoutModelBackend`, Django's model backend with one
check more, refuses a locked pair before any password is checked.
Keying on both lets a locked-out attacker's address not lock the real user out from
elsewhere.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def client_address(request):
    return (request.META.get("REMOTE_ADDR") or "unknown") if request is not None else "unknown"


def counter_key(username, request):
    raw = f"{(username or '').strip().lower()}|{client_address(request)}"
    return "poaiss:login-failures:" + hashlib.sha256(raw.encode()).hexdigest()


def limits():
    return settings.POAISS_LOGIN_LOCKOUT["FAILURES"], settings.POAISS_LOGIN_LOCKOUT["SECONDS"]


def is_locked(username, request):
    failures, _seconds = limits()
    return (cache.get(counter_key(username, request)) or 0) >= failures


def record_failure(sender, credentials, request=None, **kwargs):
    _failures, seconds = limits()
    key = counter_key(credentials.get("username"), request)
    if cache.add(key, 1, timeout=seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)


def clear_failures(sender, request, user, **kwargs):
    cache.delete(counter_key(user.get_username(), request))


class LockoutModelBackend(ModelBackend):
    """Django's model backend, refusing usernames locked out from the client's address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_locked(username, request):
            # Django stops at PermissionDenied and reports the attempt as failed.
            raise PermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)


def reset(username, address):
    """Lift a lock-out at once (for the secretariat's shell, and for tests)."""
    cache.delete(counter_key(username, type("Request", (), {"META": {"REMOTE_ADDR": address}})))
