"""The exact index definitions and request bodies the Elasticsearch backend sends.

A real cluster cannot run on every machine; these tests pin what is sent, and
`tests/search/contract/` checks it against a cluster when ELASTICSEARCH_URL is set.
"""

import socket

import pytest

from search.backends import SearchBackendUnavailable
from search.backends.elasticsearch import ElasticsearchBackend, index_definition
from search.documents import SearchDocument, SearchQuery


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def backend():
    return ElasticsearchBackend(URL="http://127.0.0.1:9200", INDEX_PREFIX="test", TIMEOUT=2)


@pytest.mark.parametrize(
    ("language", "analyzer"),
    [
        ("en", "english"),
        ("fr", "french"),
        ("es", "spanish"),
        ("ru", "russian"),
        ("ar", "arabic"),
        ("zh-hans", "cjk"),
    ],
)
def test_each_language_index_uses_its_built_in_analyzer(language, analyzer):
    definition = index_definition(language)
    properties = definition["mappings"]["properties"]
    assert properties["body"] == {"type": "text", "analyzer": analyzer}
    assert properties["title"] == {
        "type": "text",
        "analyzer": analyzer,
        "fields": {
            "keyword": {"type": "keyword", "ignore_above": 256},
            "autocomplete": {
                "type": "text",
                "analyzer": "autocomplete",
                "search_analyzer": "standard",
            },
        },
    }


def test_index_settings_and_the_fields_filters_rely_on():
    definition = index_definition("fr")
    assert definition["settings"] == {
        "number_of_shards": 1,
        "analysis": {
            "analyzer": {
                "autocomplete": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "autocomplete_edge"],
                }
            },
            "filter": {"autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}},
        },
    }
    properties = definition["mappings"]["properties"]
    assert definition["mappings"]["dynamic"] == "strict"
    for keyword in ("key", "kind", "language", "visibility", "themes", "countries", "regions"):
        assert properties[keyword] == {"type": "keyword"}
    assert properties["year"] == {"type": "integer"}
    assert properties["url"] == {"type": "keyword", "index": False}
    assert properties["reference"] == {"type": "object", "enabled": False}


def test_the_search_body_filters_visibility_inside_the_query(backend):
    query = SearchQuery(
        text="marquage des armes",
        languages=["fr"],
        visibilities=["public"],
        themes=["marking"],
        countries=["GH"],
        years=[2022],
        offset=20,
        limit=10,
    )
    body = backend.search_request(query).to_dict()
    assert body["query"] == {
        "bool": {
            "must": [
                {
                    "multi_match": {
                        "query": "marquage des armes",
                        "fields": ["title^3", "body"],
                        "type": "best_fields",
                        "minimum_should_match": "3<75%",
                    }
                }
            ],
            "filter": [
                {"terms": {"visibility": ["public"]}},
                {"terms": {"themes": ["marking"]}},
                {"terms": {"countries": ["GH"]}},
                {"terms": {"year": [2022]}},
            ],
        }
    }
    # Facets are aggregations of the filtered query: hidden documents are never counted.
    assert body["aggs"] == {
        "kind": {"terms": {"field": "kind", "size": 100}},
        "language": {"terms": {"field": "language", "size": 100}},
        "theme": {"terms": {"field": "themes", "size": 100}},
        "country": {"terms": {"field": "countries", "size": 100}},
        "region": {"terms": {"field": "regions", "size": 100}},
        "year": {"terms": {"field": "year", "size": 100}},
    }
    assert "post_filter" not in body
    assert body["highlight"] == {
        "encoder": "html",
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "fragment_size": 200,
        "fields": {"body": {"number_of_fragments": 1}},
    }
    assert body["suggest"] == {
        "did_you_mean": {
            "text": "marquage des armes",
            "term": {"field": "title", "suggest_mode": "popular"},
        }
    }
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 10, True)
    assert body["_source"] == {"excludes": ["body"]}


def test_all_languages_search_every_alias(backend):
    query = SearchQuery(
        text="arms", languages=["en", "fr", "es", "ru", "ar", "zh-hans"], visibilities=["public"]
    )
    assert backend.search_request(query)._index == [
        "test-en",
        "test-fr",
        "test-es",
        "test-ru",
        "test-ar",
        "test-zh-hans",
    ]


def test_the_autocomplete_body(backend):
    body = backend.suggest_request("impl", ["en"], ["public", "members"], 5).to_dict()
    assert body == {
        "query": {
            "bool": {
                "must": [{"match": {"title.autocomplete": {"query": "impl", "operator": "and"}}}],
                "filter": [{"terms": {"visibility": ["public", "members"]}}],
            }
        },
        "_source": ["title", "url", "key", "language"],
        "size": 5,
    }


def test_documents_are_sent_to_their_language_alias(backend):
    document = SearchDocument(
        key="page:7", kind="documentation", language="ar", title="تقرير", body="نص", year=2016
    )
    (action,) = backend.bulk_actions([document], backend.alias_name)
    assert action["_index"] == "test-ar" and action["_id"] == "page:7"
    assert action["_source"]["visibility"] == "public" and action["_source"]["year"] == 2016


def test_an_unreachable_cluster_is_reported_as_unavailable():
    unreachable = ElasticsearchBackend(URL=f"http://127.0.0.1:{closed_port()}", TIMEOUT=1)
    assert unreachable.is_available() is False
    query = SearchQuery(text="arms", languages=["en"], visibilities=["public"])
    with pytest.raises(SearchBackendUnavailable):
        unreachable.search(query)
    with pytest.raises(SearchBackendUnavailable):
        unreachable.index([SearchDocument(key="page:1", kind="page", language="en", title="x")])
