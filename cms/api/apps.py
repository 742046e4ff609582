from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The API toolkit: negotiation, caching, errors, schema helpers, the page endpoints."""

    name = "cms.api"
    label = "poaiss_api"
    verbose_name = _("API")

    # Contributions to the suite (see cms.core.plugins): Wagtail's page, image and document
    # endpoints, token authentication and draft previews.
    api_urlpatterns = "cms.api.endpoints.urlpatterns"

    def ready(self):
        from . import signals

        signals.register()
