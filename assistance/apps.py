from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = _("International assistance")

    def ready(self):
        from . import search
        from .signals import register_signals

        register_signals()
        search.connect()

    def load_demo(self, stdout=None):
        from . import demo

        return demo.load(stdout)
