from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = _("Documentation library")

    def ready(self):
        from . import signals

        signals.register()
        from . import profiles  # noqa: F401 - registers the reports section of the profiles
