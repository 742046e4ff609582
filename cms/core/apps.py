from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("PoA-ISS core")

    # Contributions to the suite (see cms.core.plugins).
    api_routes = "cms.api.taxonomy.routes"
    site_urlpatterns = [("healthz", "cms.core.views.health", "health")]
    demo_loader = "cms.core.demo.load"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
