from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "poaiss_search"
    verbose_name = _("Search")

    def ready(self):
        from . import registry, sync
        from .pages import PageProvider

        registry.register(PageProvider())
        sync.connect()
