from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = _("Documentation library")
    outbox_topics = {
        "library.extract-document-text": "cms.library.tasks.extract_document_text_handler",
        "library.refresh-country-profile": "cms.library.tasks.refresh_country_profile_handler",
    }

    def ready(self):
        from . import signals

        signals.register()
        from . import profiles  # noqa: F401 - registers the reports section of the profiles
