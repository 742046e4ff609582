from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "poaiss_search"
    verbose_name = _("Search")
    outbox_topics = {"search.update": "search.tasks.apply_update"}

    # Contributions to the suite (see cms.core.plugins).
    api_urlpatterns = [
        ("search/", "search.api.SearchView", "api-search"),
        ("search/suggest/", "search.api.SuggestView", "api-search-suggest"),
    ]
    search_providers = ["search.pages.PageProvider"]

    def ready(self):
        from . import sync

        sync.connect()
