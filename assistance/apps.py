from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = _("International assistance")
    outbox_topics = {
        "assistance.rematch-need": "assistance.tasks.rematch_need_handler",
        "assistance.rematch-resource": "assistance.tasks.rematch_resource_handler",
    }

    def ready(self):
        from cms.library.profiles import register_section

        from . import search
        from .profiles import needs_section, projects_section
        from .signals import register_signals

        register_signals()
        search.connect()
        register_section("needs", needs_section, label=_("Assistance needs"), order=30)
        register_section("projects", projects_section, label=_("Projects"), order=40)

    def load_demo(self, stdout=None):
        from . import demo

        return demo.load(stdout)
