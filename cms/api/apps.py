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
        register_enum_names()


def register_enum_names():
    """Add the enum names the installed apps declare to drf-spectacular's overrides.

    Read from the apps rather than from settings, so that an app's choices are named only
    while it is installed (a dotted path into a removed app would break the schema).
    """
    from drf_spectacular.settings import spectacular_settings

    from cms.core.plugins import contributions

    overrides = spectacular_settings.ENUM_NAME_OVERRIDES
    for _app, names in contributions("api_enum_names"):
        overrides.update(names)
