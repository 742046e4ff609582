"""What a search backend offers the search service; the database and Elasticsearch backends
implement it, and a test or a new engine can too.

A backend is named by dotted path in settings.POAISS_SEARCH["BACKEND"]["CLASS"] and built
with the OPTIONS as keyword arguments. It holds `search.documents.SearchDocument`s keyed by
`document.key` and answers with `SearchResults`. It must apply `query.visibilities` and
`query.languages` as filters inside every query, so that nothing hidden is ever counted.
When it cannot be reached it raises `SearchBackendUnavailable`, and the outbox retries.
"""


class SearchBackend:
    name = ""

    def __init__(self, **options):
        self.options = options

    def is_available(self):
        """Whether the backend answers now (for health checks and `search_status`)."""
        raise NotImplementedError

    # --- Writing -------------------------------------------------------------------------------

    def index(self, documents):
        """Add or replace these documents (an iterable of SearchDocument), by key."""
        raise NotImplementedError

    def delete(self, keys):
        """Remove the documents with these keys; unknown keys are ignored."""
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents`, without a moment of empty results.

        `progress(count)` is called as documents are written; returns how many were indexed.
        """
        raise NotImplementedError

    # --- Reading -------------------------------------------------------------------------------

    def status(self):
        """How many documents the index holds, per language code."""
        raise NotImplementedError

    def search(self, query):
        """The hits, facet counts and a spelling suggestion for a SearchQuery."""
        raise NotImplementedError

    def suggest(self, prefix, languages, visibilities, limit=10):
        """Up to `limit` titles with a word starting with `prefix`, for autocompletion:
        dicts with "title", "key", "language" and "url"."""
        raise NotImplementedError
