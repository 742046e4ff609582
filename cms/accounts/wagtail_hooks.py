from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import lockout
from .roles import is_secretariat


def locked_accounts_view(request):
    """The secretariat sees the accounts locked out by failed sign-ins, and unlocks them."""
    if not is_secretariat(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "")
        lockout.unlock(username)
        messages.success(request, _("%(username)s can sign in again.") % {"username": username})
        return redirect("accounts_locked")
    _account, _address, window = lockout.limits()
    return TemplateResponse(
        request,
        "accounts/admin/locked_accounts.html",
        {
            "accounts": list(lockout.locked_accounts()),
            "window_minutes": int(window.total_seconds() // 60),
        },
    )


@hooks.register("register_admin_urls")
def register_locked_accounts_url():
    return [path("accounts/locked/", locked_accounts_view, name="accounts_locked")]


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return is_secretariat(request.user)


@hooks.register("register_settings_menu_item")
def register_locked_accounts_menu_item():
    return SecretariatMenuItem(
        gettext_lazy("Locked accounts"), reverse("accounts_locked"), icon_name="lock", order=900
    )
