from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("PoA-ISS core")

    def ready(self):
        from cms.api import signals

        from . import checks  # noqa: F401  (registers the system checks)

        signals.register()
