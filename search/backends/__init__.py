"""The search backend is chosen by dotted path in settings.POAISS_SEARCH["BACKEND"].

Every backend offers the same operations — index, delete, rebuild, search, suggest, status,
is_available — declared by `base.SearchBackend`, and answers with the dataclasses of
`search.documents`. `database` is the embedded default, `elasticsearch` the production
engine, `dummy` a recorder for tests.
"""

from django.conf import settings
from django.utils.module_loading import import_string


class SearchBackendUnavailable(Exception):
    """The search service cannot be reached; the change stays queued and is retried."""


def get_search_backend():
    config = settings.POAISS_SEARCH["BACKEND"]
    backend_class = import_string(config["CLASS"])
    return backend_class(**config.get("OPTIONS", {}))
