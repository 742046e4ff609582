from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = _("International assistance")

    def ready(self):
        from .signals import register_signals

        register_signals()

    def load_demo(self, stdout=None):
        from . import demo

        return demo.load(stdout)
