"""The dummy backend stands in for a real one, chosen by dotted path like any backend."""

import pytest
from django.test import override_settings

from search import service
from search.backends.base import SearchBackend
from search.backends.database import DatabaseBackend
from search.backends.dummy import DummyBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import SearchDocument

DUMMY = {"BACKEND": {"CLASS": "search.backends.dummy.DummyBackend", "OPTIONS": {}}}


@pytest.fixture
def dummy_backend():
    with override_settings(POAISS_SEARCH=DUMMY):
        service.backend.cache_clear()
        yield service.backend()
    service.backend.cache_clear()


def test_every_backend_implements_the_base_class():
    assert issubclass(DatabaseBackend, SearchBackend)
    assert issubclass(ElasticsearchBackend, SearchBackend)
    with pytest.raises(NotImplementedError):
        SearchBackend().search(None)


def test_the_dummy_backend_records_calls_and_finds_nothing(dummy_backend, db):
    assert isinstance(dummy_backend, DummyBackend)
    document = SearchDocument(key="page:1", kind="page", language="en", title="Arms")
    dummy_backend.index([document])

    results = service.search(None, "arms", "en")

    assert (results.total, results.hits) == (0, [])
    assert service.suggest(None, "ar", "en") == []
    assert [name for name, _args in dummy_backend.calls] == ["index", "search", "suggest"]
    query = dummy_backend.calls[1][1][0]
    assert (query.text, query.languages, query.visibilities) == ("arms", ["en"], ["public"])
    assert dummy_backend.status() == {"en": 1}
