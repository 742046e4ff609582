from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "cms.network"
    label = "network"
    verbose_name = _("Small Arms Advisory Network")

    def ready(self):
        from . import search, signals

        signals.register()
        search.connect()
