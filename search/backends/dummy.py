"""A search backend that records what it is asked and finds nothing, for tests:

    @override_settings(POAISS_SEARCH={"BACKEND": {"CLASS": "search.backends.dummy.DummyBackend"}})

(then `search.service.backend.cache_clear()`, as for any change of backend). `calls` lists
(method name, arguments) in order; `documents` holds what was indexed, by key.
"""

from ..documents import SearchResults
from .base import SearchBackend


class DummyBackend(SearchBackend):
    name = "dummy"

    def __init__(self, **options):
        super().__init__(**options)
        self.calls = []
        self.documents = {}

    def record(self, method, *args):
        self.calls.append((method, args))

    def is_available(self):
        self.record("is_available")
        return True

    def index(self, documents):
        documents = list(documents)
        self.record("index", documents)
        self.documents.update((document.key, document) for document in documents)

    def delete(self, keys):
        keys = list(keys)
        self.record("delete", keys)
        for key in keys:
            self.documents.pop(key, None)

    def rebuild(self, documents, progress=None):
        documents = list(documents)
        self.record("rebuild", documents)
        self.documents = {document.key: document for document in documents}
        if progress:
            progress(len(documents))
        return len(documents)

    def status(self):
        self.record("status")
        counts = {}
        for document in self.documents.values():
            counts[document.language] = counts.get(document.language, 0) + 1
        return counts

    def search(self, query):
        self.record("search", query)
        return SearchResults(total=0, hits=[], facets={})

    def suggest(self, prefix, languages, visibilities, limit=10):
        self.record("suggest", prefix, languages, visibilities, limit)
        return []
