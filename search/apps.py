from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "poaiss_search"
    verbose_name = _("Search")
    outbox_topics = {"search.update": "search.tasks.apply_update"}

    def ready(self):
        from . import registry, sync
        from .pages import PageProvider

        registry.register(PageProvider())
        sync.connect()
