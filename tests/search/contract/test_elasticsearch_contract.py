"""Against a real cluster (`docker compose up elasticsearch`, then set ELASTICSEARCH_URL)."""

import os
import uuid

import pytest

from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import SearchDocument, SearchQuery

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
pytestmark = pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no cluster to check against"
)


@pytest.fixture
def backend():
    backend = ElasticsearchBackend(
        URL=ELASTICSEARCH_URL, INDEX_PREFIX=f"contract-{uuid.uuid4().hex}"
    )
    yield backend
    backend.client.indices.delete(index=f"{backend.index_prefix}-*", ignore_unavailable=True)


def documents():
    return [
        SearchDocument(
            key="a",
            kind="note",
            language="fr",
            title="Marquage des armes",
            body="Le marquage des armes légères",
            themes=["marking"],
            year=2022,
        ),
        SearchDocument(
            key="b",
            kind="note",
            language="fr",
            title="Destruction des stocks",
            body="Réunion réservée",
            visibility="members",
        ),
        SearchDocument(
            key="c",
            kind="note",
            language="zh-hans",
            title="小武器标识",
            body="小武器和轻武器的标识",
        ),
    ]


def test_the_cluster_accepts_the_indexes_and_answers_the_queries(backend):
    backend.rebuild(documents())
    french = backend.search(
        SearchQuery(text="armes marquées", languages=["fr"], visibilities=["public"])
    )
    assert [hit.key for hit in french.hits] == ["a"]
    assert "<mark>" in french.hits[0].snippet
    assert french.facets["theme"] == {"marking": 1}
    hidden = backend.search(SearchQuery(text="stocks", languages=["fr"], visibilities=["public"]))
    assert hidden.total == 0 and hidden.facets["kind"] == {}
    chinese = backend.search(
        SearchQuery(text="武器标识", languages=["zh-hans"], visibilities=["public"])
    )
    assert [hit.key for hit in chinese.hits] == ["c"]
    suggestions = backend.suggest("marq", ["fr"], ["public"])
    assert [item["key"] for item in suggestions] == ["a"]


def test_a_rebuild_swaps_the_alias_and_drops_the_old_index(backend):
    backend.rebuild(documents())
    first = set(backend.client.indices.get_alias(name=backend.alias_name("fr")))
    backend.rebuild(documents()[:1])
    second = set(backend.client.indices.get_alias(name=backend.alias_name("fr")))
    assert first.isdisjoint(second)
    assert backend.status()["fr"] == 1
    assert not backend.client.indices.exists(index=",".join(first))


def test_delete_removes_a_document_from_whichever_language_holds_it(backend):
    backend.rebuild(documents())
    backend.delete(["c"])
    assert backend.status()["zh-hans"] == 0
