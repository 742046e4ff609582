from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "cms.network"
    label = "network"
    verbose_name = _("Small Arms Advisory Network")
    outbox_topics = {"network.send-notification": "cms.network.tasks.send_notification_handler"}

    def ready(self):
        from cms.library.profiles import register_section

        from . import search, signals
        from .profiles import contacts_section

        signals.register()
        search.connect()
        register_section("contacts", contacts_section, label=_("Points of contact"), order=20)
