from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The API toolkit: negotiation, caching, errors, idempotency keys, schema helpers, the page
    endpoints."""

    name = "cms.api"
    label = "poaiss_api"
    # Its one model (idempotency keys) has no admin screen, so no one sees this name: no string
    # to translate.
    verbose_name = "API"

    # Contributions to the suite (see cms.core.plugins): Wagtail's page, image and document
    # endpoints, token authentication and draft previews.
    api_urlpatterns = "cms.api.endpoints.urlpatterns"

    def ready(self):
        from . import signals

        signals.register()
