from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "cms.analysis"
    label = "analysis"
    verbose_name = _("Analysis of national reports")
    outbox_topics = {
        "analysis.refresh-state-cycle": "cms.analysis.tasks.refresh_state_cycle_handler",
    }

    # Contributions to the suite (see cms.core.plugins).
    api_urlpatterns = "cms.analysis.api.urls.urlpatterns"
    demo_loader = "cms.analysis.demo.load"

    def ready(self):
        from . import signals

        signals.register()
