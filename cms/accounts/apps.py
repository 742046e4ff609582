from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import lockout

        user_login_failed.connect(lockout.record_failure, dispatch_uid="poaiss-lockout-failed")
        user_logged_in.connect(lockout.clear_failures, dispatch_uid="poaiss-lockout-cleared")
