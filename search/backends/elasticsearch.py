"""The Elasticsearch backend: an index per UN language, behind an alias.

Each language's index analyses text with Elasticsearch's built-in analyzer for it and
gives titles a keyword and an autocomplete sub-field. A rebuild fills fresh indexes and
swaps all six aliases in one atomic call, so searches never see a half-built index.
"""

from dataclasses import asdict
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import Q, Search, analyzer, token_filter
from elasticsearch.exceptions import ApiError, NotFoundError, TransportError

from cms.core.languages import UN_LANGUAGE_CODES

from ..documents import FACETS, SearchHit, SearchResults
from . import SearchBackendUnavailable
from .base import SearchBackend

LANGUAGE_ANALYZERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
    "zh-hans": "cjk",
}
AUTOCOMPLETE = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=[
        "lowercase",
        token_filter("autocomplete_edge", type="edge_ngram", min_gram=1, max_gram=20),
    ],
)
FACET_FIELDS = {
    "kind": "kind",
    "language": "language",
    "theme": "themes",
    "country": "countries",
    "region": "regions",
    "year": "year",
}
TITLE_BOOST = 3
MINIMUM_SHOULD_MATCH = "3<75%"


def index_definition(language_code):
    """Settings and mappings of one language's index."""
    language_analyzer = LANGUAGE_ANALYZERS[language_code]
    keyword = {"type": "keyword"}
    return {
        "settings": {
            "number_of_shards": 1,
            "analysis": AUTOCOMPLETE.get_analysis_definition(),
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "key": keyword,
                "kind": keyword,
                "language": keyword,
                "visibility": keyword,
                "title": {
                    "type": "text",
                    "analyzer": language_analyzer,
                    "fields": {
                        "keyword": {"type": "keyword", "ignore_above": 256},
                        "autocomplete": {
                            "type": "text",
                            "analyzer": "autocomplete",
                            "search_analyzer": "standard",
                        },
                    },
                },
                "body": {"type": "text", "analyzer": language_analyzer},
                "url": {"type": "keyword", "index": False},
                "year": {"type": "integer"},
                "themes": keyword,
                "countries": keyword,
                "regions": keyword,
                "reference": {"type": "object", "enabled": False},
            },
        },
    }


def query_filters(query):
    filters = [Q("terms", visibility=query.visibilities)]
    for field_name, values in (
        ("kind", query.kinds),
        ("themes", query.themes),
        ("countries", query.countries),
        ("regions", query.regions),
        ("year", query.years),
    ):
        if values:
            filters.append(Q("terms", **{field_name: values}))
    return filters


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, URL, INDEX_PREFIX="poaiss", **options):
        self.url = URL
        self.index_prefix = INDEX_PREFIX
        self.options = options
        self.client = Elasticsearch(URL, request_timeout=options.get("TIMEOUT", 10))

    def alias_name(self, language_code):
        return f"{self.index_prefix}-{language_code}"

    def aliases(self, languages=UN_LANGUAGE_CODES):
        return [self.alias_name(code) for code in languages]

    def is_available(self):
        try:
            return bool(self.client.ping())
        except TransportError:
            return False

    def call(self, operation, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except (TransportError, ApiError) as error:
            if isinstance(error, ApiError) and error.status_code < 500:
                raise
            raise SearchBackendUnavailable(str(error)) from error

    # --- Queries (built apart from sending, so their exact bodies are testable) ------------

    def search_request(self, query):
        search = (
            Search(index=self.aliases(query.languages))
            .query(
                Q(
                    "bool",
                    must=[
                        Q(
                            "multi_match",
                            query=query.text,
                            fields=[f"title^{TITLE_BOOST}", "body"],
                            type="best_fields",
                            # Every word of a short query; most of a long one (Chinese
                            # bigrams cross word boundaries).
                            minimum_should_match=MINIMUM_SHOULD_MATCH,
                        )
                    ],
                    filter=query_filters(query),
                )
            )
            .highlight_options(
                encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=200
            )
            .highlight("body", number_of_fragments=1)
            .suggest("did_you_mean", query.text, term={"field": "title", "suggest_mode": "popular"})
            .extra(track_total_hits=True)
            .source(excludes=["body"])
        )
        for facet in FACETS:
            search.aggs.bucket(facet, "terms", field=FACET_FIELDS[facet], size=100)
        return search[query.offset : query.offset + query.limit]

    def suggest_request(self, prefix, languages, visibilities, limit):
        return (
            Search(index=self.aliases(languages))
            .query(
                Q(
                    "bool",
                    must=[
                        Q("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})
                    ],
                    filter=[Q("terms", visibility=visibilities)],
                )
            )
            .source(["title", "url", "key", "language"])[:limit]
        )

    # --- Reading ---------------------------------------------------------------------------

    def search(self, query):
        request = self.search_request(query)
        response = self.call(
            self.client.search,
            index=",".join(self.aliases(query.languages)),
            body=request.to_dict(),
            ignore_unavailable=True,
        )
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            fragments = hit.get("highlight", {}).get("body")
            hits.append(
                SearchHit(
                    key=source["key"],
                    kind=source["kind"],
                    language=source["language"],
                    title=source["title"],
                    url=source.get("url", ""),
                    snippet=fragments[0] if fragments else "",
                    score=round(float(hit.get("_score") or 0), 6),
                    reference=source.get("reference", {}),
                )
            )
        aggregations = response.get("aggregations", {})
        facets = {
            facet: {
                str(bucket["key"]): bucket["doc_count"]
                for bucket in aggregations.get(facet, {}).get("buckets", [])
            }
            for facet in FACETS
        }
        total = response["hits"]["total"]["value"]
        return SearchResults(
            total=total,
            hits=hits,
            facets={name: dict(sorted(counts.items())) for name, counts in facets.items()},
            suggestion=None if total else self.did_you_mean(response, query.text),
        )

    @staticmethod
    def did_you_mean(response, text):
        corrected, changed = text, False
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            if entry["options"]:
                corrected = corrected.replace(entry["text"], entry["options"][0]["text"], 1)
                changed = True
        return corrected if changed else None

    def suggest(self, prefix, languages, visibilities, limit=10):
        if not prefix.strip():
            return []
        request = self.suggest_request(prefix.strip(), languages, visibilities, limit)
        response = self.call(
            self.client.search,
            index=",".join(self.aliases(languages)),
            body=request.to_dict(),
            ignore_unavailable=True,
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def status(self):
        counts = {}
        for language in UN_LANGUAGE_CODES:
            try:
                result = self.call(self.client.count, index=self.alias_name(language))
            except NotFoundError:
                continue
            counts[language] = result["count"]
        return counts

    # --- Writing ---------------------------------------------------------------------------

    def ensure_indexes(self):
        """Create the first index of any language that has none yet."""
        for language in UN_LANGUAGE_CODES:
            alias = self.alias_name(language)
            if not self.call(self.client.indices.exists_alias, name=alias):
                self.create_index(language, alias)

    def create_index(self, language, alias=None):
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias_name(language)}-{stamp}"
        body = index_definition(language)
        aliases = {alias: {}} if alias else {}
        self.call(
            self.client.indices.create,
            index=name,
            settings=body["settings"],
            mappings=body["mappings"],
            aliases=aliases,
        )
        return name

    def bulk_actions(self, documents, index_for_language):
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index_for_language(document.language),
                "_id": document.key,
                "_source": asdict(document),
            }

    def index(self, documents):
        self.ensure_indexes()
        self.call(
            helpers.bulk, self.client, self.bulk_actions(documents, self.alias_name), refresh=True
        )

    def delete(self, keys):
        self.call(
            self.client.delete_by_query,
            index=",".join(self.aliases()),
            query={"terms": {"key": list(keys)}},
            ignore_unavailable=True,
            refresh=True,
        )

    def rebuild(self, documents, progress=None):
        """Fill a new index per language, then point every alias at it at once."""
        new_indexes = {language: self.create_index(language) for language in UN_LANGUAGE_CODES}

        def counted(actions):
            for action in actions:
                yield action
                if progress:
                    progress(1)

        success, _errors = self.call(
            helpers.bulk,
            self.client,
            counted(self.bulk_actions(documents, new_indexes.__getitem__)),
            refresh=True,
        )
        actions = []
        for language, new_index in new_indexes.items():
            alias = self.alias_name(language)
            if self.call(self.client.indices.exists_alias, name=alias):
                for old_index in self.call(self.client.indices.get_alias, name=alias):
                    actions.append({"remove": {"index": old_index, "alias": alias}})
            actions.append({"add": {"index": new_index, "alias": alias}})
        old = [action["remove"]["index"] for action in actions if "remove" in action]
        self.call(self.client.indices.update_aliases, actions=actions)
        for old_index in old:
            self.call(self.client.indices.delete, index=old_index, ignore_unavailable=True)
        return success
