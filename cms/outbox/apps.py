from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "cms.outbox"
    label = "outbox"
    verbose_name = _("Outbox")

    def ready(self):
        from .service import register

        # Each app names the topics it handles (`outbox_topics = {topic: dotted handler}`), so
        # an app left out of INSTALLED_APPS takes its topics with it.
        for config in apps.get_app_configs():
            for topic, handler in getattr(config, "outbox_topics", {}).items():
                register(topic, handler)
