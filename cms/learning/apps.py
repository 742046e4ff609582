from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "cms.learning"
    label = "learning"
    verbose_name = _("E-learning")

    # Contributions to the suite (see cms.core.plugins).
    api_routes = "cms.learning.api.views.routes"
    site_urlpatterns = "cms.learning.urls.site_urlpatterns"
    demo_loader = "cms.learning.demo.load"
    outbox_topics = {"learning.forward-statement": "cms.learning.tasks.forward_statement_handler"}
