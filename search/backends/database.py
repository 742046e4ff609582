"""The embedded search backend: the site's own database.

SQLite indexes Snowball-stemmed terms (see `search.text`) in an FTS5 table ranked by BM25;
PostgreSQL indexes a `tsvector` built with the text-search configuration of each document's
language and ranks with `ts_rank_cd`. Everything else — filters, facets, snippets,
suggestions — is shared, so both answer in the same shape.
"""

import difflib
from dataclasses import asdict

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.db.models import BooleanField, Count, Exists, FloatField, OuterRef, Q
from django.db.models.expressions import RawSQL

from ..documents import SearchHit, SearchResults
from ..highlight import snippet
from ..models import IndexEntry, IndexFacet
from ..text import HAN_RUN, fold, han_to_bigram_text, terms, vocabulary_of, words
from .base import SearchBackend

FULLTEXT_TABLE = "poaiss_search_fulltext"
ENTRY_TABLE = IndexEntry._meta.db_table
POSTGRES_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
    "zh-hans": "simple",  # with Han text pre-split into bigrams
}
MULTI_VALUED = {"theme": "themes", "country": "countries", "region": "regions"}
SHORT_QUERY = 3  # words; as Elasticsearch's minimum_should_match "3<75%"


class SQLiteFullText:
    def write(self, cursor, entry_id, document):
        cursor.execute(f"DELETE FROM {FULLTEXT_TABLE} WHERE rowid = %s", [entry_id])
        cursor.execute(
            f"INSERT INTO {FULLTEXT_TABLE} (rowid, title_terms, body_terms) VALUES (%s, %s, %s)",
            [
                entry_id,
                " ".join(terms(document.title, document.language)),
                " ".join(terms(document.body, document.language)),
            ],
        )

    def delete(self, cursor, entry_ids):
        for entry_id in entry_ids:
            cursor.execute(f"DELETE FROM {FULLTEXT_TABLE} WHERE rowid = %s", [entry_id])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {FULLTEXT_TABLE}")

    @staticmethod
    def match_expression(text, language, any_word=False):
        query_terms = terms(text, language)
        # A lone Han character matches the bigrams it starts.
        quoted = [
            f'"{term}"*' if HAN_RUN.match(term) and len(term) == 1 else f'"{term}"'
            for term in dict.fromkeys(query_terms)
        ]
        # Chinese bigrams cross word boundaries: any may match, and more matches rank higher.
        return (" OR " if language == "zh-hans" or any_word else " ").join(quoted)

    def condition_and_score(self, text, languages, any_word=False):
        match_cases, score_cases, score_params = [], [], []
        for language in languages:
            expression = self.match_expression(text, language, any_word)
            if not expression:
                continue
            match_cases.append(
                (
                    language,
                    f"id IN (SELECT rowid FROM {FULLTEXT_TABLE} WHERE {FULLTEXT_TABLE} MATCH %s)",
                    [expression],
                )
            )
            # BM25 is lower for better matches; titles weigh five times the body. The scores
            # are computed once per query (a materialised CTE), not once per matching row:
            # bm25() reads the whole posting list each time it runs.
            score_cases.append(
                "WHEN %s THEN (WITH fts_scores AS MATERIALIZED ("
                f"SELECT rowid AS fts_rowid, -bm25({FULLTEXT_TABLE}, 5.0, 1.0) AS fts_score "
                f"FROM {FULLTEXT_TABLE} WHERE {FULLTEXT_TABLE} MATCH %s) "
                "SELECT fts_score FROM fts_scores WHERE fts_rowid = id)"
            )
            score_params += [language, expression]
        return (
            any_language(match_cases, languages, "0"),
            case_sql(score_cases, score_params, "0"),
        )


class PostgresFullText:
    @staticmethod
    def prepared(text, language):
        """Text as PostgreSQL should parse it: Chinese in bigrams; accents folded (except in
        Russian), the same on both sides, as on SQLite."""
        if language == "zh-hans":
            return han_to_bigram_text(text)
        return text if language == "ru" else fold(text)

    def write(self, cursor, entry_id, document):
        config = POSTGRES_CONFIGS[document.language]
        cursor.execute(
            f"UPDATE {ENTRY_TABLE} SET search_vector = "
            "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
            "setweight(to_tsvector(%s::regconfig, %s), 'B') WHERE id = %s",
            [
                config,
                self.prepared(document.title, document.language),
                config,
                self.prepared(document.body, document.language),
                entry_id,
            ],
        )

    def delete(self, cursor, entry_ids):
        """The vector lives in the entry's row and goes with it."""

    def clear(self, cursor):
        """Idem."""

    def condition_and_score(self, text, languages, any_word=False):
        match_cases, score_cases, score_params = [], [], []
        for language in languages:
            if language == "zh-hans":
                # As on SQLite: any bigram may match; the more distinct bigrams a document
                # has (in its title counting twice), the higher it ranks, then by density.
                lexemes = [
                    "'{}'".format(term.replace("'", "''"))
                    for term in dict.fromkeys(terms(text, language))
                ]
                if not lexemes:
                    continue
                query = "to_tsquery('simple', %s)"
                params = [" | ".join(lexemes)]
                each = " + ".join(
                    "(search_vector @@ to_tsquery('simple', %s))::int" for _lexeme in lexemes * 2
                )
                in_title = [f"{lexeme}:A" for lexeme in lexemes]
                # Normalised (flag 32) into [0, 1): density only breaks ties between counts.
                score_cases.append(f"WHEN %s THEN {each} + ts_rank_cd(search_vector, {query}, 32)")
                score_params += [language, *lexemes, *in_title, *params]
            else:
                query = "websearch_to_tsquery(%s::regconfig, %s)"
                prepared = self.prepared(text, language)
                if any_word:
                    prepared = " or ".join(word for word, _start, _end in words(prepared))
                params = [POSTGRES_CONFIGS[language], prepared]
                # Titles (A) weigh five times the body (B), as on SQLite; dividing by
                # 1 + log(length) keeps long reports from outranking a page titled by the query.
                score_cases.append(
                    f"WHEN %s THEN ts_rank_cd('{{0.1, 0.2, 0.2, 1.0}}', search_vector, {query}, 1)"
                )
                score_params += [language, *params]
            match_cases.append((language, f"search_vector @@ {query}", params))
        return (
            any_language(match_cases, languages, "false"),
            case_sql(score_cases, score_params, "0"),
        )


def any_language(conditions, languages, default):
    """The full-text condition of each language, ORed with its language test.

    Not a `CASE language WHEN ...`: hidden in a CASE the condition cannot be answered from
    the full-text index (PostgreSQL then reads every vector). A query in one language needs
    no language test: the entries are already filtered on it.
    """
    if not conditions:
        return default, []
    if len(languages) == 1:
        _language, sql, params = conditions[0]
        return f"({sql})", params
    parts, params = [], []
    for language, sql, condition_params in conditions:
        parts.append(f"(language = %s AND {sql})")
        params += [language, *condition_params]
    return f"({' OR '.join(parts)})", params


def case_sql(cases, params, default):
    if not cases:
        return default, []
    # Unqualified names: the expression is also used inside subqueries that alias the table.
    return f"CASE language {' '.join(cases)} ELSE {default} END", params


FULLTEXT_BY_VENDOR = {"sqlite": SQLiteFullText, "postgresql": PostgresFullText}


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, **options):
        self.options = options

    @property
    def fulltext(self):
        try:
            return FULLTEXT_BY_VENDOR[connection.vendor]()
        except KeyError:
            raise ImproperlyConfigured(
                f"The database search backend supports SQLite and PostgreSQL, "
                f"not {connection.vendor}; set ELASTICSEARCH_URL to use Elasticsearch."
            ) from None

    def is_available(self):
        try:
            connection.ensure_connection()
        except DatabaseError:
            return False
        return True

    # --- Writing ---------------------------------------------------------------------------

    def index(self, documents):
        fulltext = self.fulltext
        with transaction.atomic(), connection.cursor() as cursor:
            for document in documents:
                fields = asdict(document)
                key = fields.pop("key")
                facet_values = {
                    name: fields.pop(attribute) for name, attribute in MULTI_VALUED.items()
                }
                entry, _created = IndexEntry.objects.update_or_create(key=key, defaults=fields)
                entry.facets.all().delete()
                IndexFacet.objects.bulk_create(
                    IndexFacet(entry=entry, name=name, value=value)
                    for name, values in facet_values.items()
                    for value in dict.fromkeys(values)
                )
                fulltext.write(cursor, entry.pk, document)

    def delete(self, keys):
        fulltext = self.fulltext
        with transaction.atomic(), connection.cursor() as cursor:
            entries = IndexEntry.objects.filter(key__in=list(keys))
            fulltext.delete(cursor, list(entries.values_list("pk", flat=True)))
            entries.delete()

    def rebuild(self, documents, progress=None):
        """Replace the whole index in one transaction: searches see the old one until commit."""
        fulltext = self.fulltext
        count = 0
        with transaction.atomic():
            with connection.cursor() as cursor:
                fulltext.clear(cursor)
            IndexEntry.objects.all().delete()
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) == 200:
                    count += self._index_batch(batch, progress)
                    batch = []
            count += self._index_batch(batch, progress)
        return count

    def _index_batch(self, batch, progress):
        self.index(batch)
        if progress:
            progress(len(batch))
        return len(batch)

    # --- Reading ---------------------------------------------------------------------------

    def status(self):
        rows = IndexEntry.objects.values("language").annotate(count=Count("id"))
        return {row["language"]: row["count"] for row in rows}

    def matching(self, query, any_word=False):
        entries = IndexEntry.objects.filter(
            language__in=query.languages, visibility__in=query.visibilities
        )
        if query.kinds:
            entries = entries.filter(kind__in=query.kinds)
        if query.years:
            entries = entries.filter(year__in=query.years)
        for name, values in (
            ("theme", query.themes),
            ("country", query.countries),
            ("region", query.regions),
        ):
            if values:
                entries = entries.filter(
                    Exists(
                        IndexFacet.objects.filter(entry=OuterRef("pk"), name=name, value__in=values)
                    )
                )
        (match_sql, match_params), (score_sql, score_params) = self.fulltext.condition_and_score(
            query.text, query.languages, any_word
        )
        # A filter, not an annotation: the condition is not evaluated again in the SELECT.
        return entries.filter(
            RawSQL(match_sql, match_params, output_field=BooleanField())
        ).annotate(score=RawSQL(score_sql, score_params, output_field=FloatField()))

    def search(self, query):
        entries = self.matching(query)
        facets = self.facets(entries)
        total = sum(facets["language"].values())
        if not total and len(words(query.text)) > SHORT_QUERY:
            # Every word of a short query. A longer one that no document matches in full
            # ("how to mark imported weapons") finds documents with any of its words, those
            # with more of them first, as Elasticsearch asks most words of a long query.
            entries = self.matching(query, any_word=True)
            facets = self.facets(entries)
            total = sum(facets["language"].values())
        page = entries.order_by("-score", "title", "pk")[query.offset : query.offset + query.limit]
        hits = [
            SearchHit(
                key=entry.key,
                kind=entry.kind,
                language=entry.language,
                title=entry.title,
                url=entry.url,
                snippet=snippet(entry.body, query.text, entry.language),
                score=round(float(entry.score or 0), 6),
                reference=entry.reference,
            )
            for entry in page
        ]
        return SearchResults(
            total=total,
            hits=hits,
            facets=facets,
            suggestion=None if total else self.did_you_mean(query),
        )

    def facets(self, entries):
        """The counts of every facet in one query over the matching entries, found once.

        The total is the sum of the language counts (every entry has one language); a facet
        value is stored once per entry (a unique constraint), so its rows need no DISTINCT.
        """
        matched_sql, params = entries.values(
            "pk", "kind", "language", "year"
        ).query.sql_with_params()
        facet_table = IndexFacet._meta.db_table
        sql = (
            f"WITH matched (id, kind, language, year) AS MATERIALIZED ({matched_sql}) "
            "SELECT 'kind', kind, COUNT(*) FROM matched GROUP BY kind "
            "UNION ALL SELECT 'language', language, COUNT(*) FROM matched GROUP BY language "
            "UNION ALL SELECT 'year', CAST(year AS TEXT), COUNT(*) FROM matched "
            "WHERE year IS NOT NULL GROUP BY year "
            "UNION ALL SELECT facet.name, facet.value, COUNT(*) "
            # CROSS JOIN: SQLite then reads the matched entries first and their facet values
            # through the unique index, not every facet value of the index.
            f"FROM matched CROSS JOIN {facet_table} facet WHERE facet.entry_id = matched.id "
            "GROUP BY facet.name, facet.value"
        )
        facets = {name: {} for name in ("kind", "language", "year", *MULTI_VALUED)}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                facets[name][str(value)] = count
        return {name: dict(sorted(counts.items())) for name, counts in facets.items()}

    def visible_texts(self, languages, visibilities, limit=2000):
        """Titles and bodies the user may see: the vocabulary of "did you mean"."""
        rows = IndexEntry.objects.filter(
            language__in=languages, visibility__in=visibilities
        ).values_list("title", "body")[:limit]
        for title, body in rows:
            yield title
            yield body

    def did_you_mean(self, query):
        """The query with each unknown word replaced by the closest word of a visible title."""
        vocabulary = vocabulary_of(self.visible_texts(query.languages, query.visibilities))
        changed, corrected = False, []
        for word, _start, _end in words(query.text):
            lowered = word.lower()
            if lowered in vocabulary or not vocabulary:
                corrected.append(word)
                continue
            close = difflib.get_close_matches(lowered, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        return " ".join(corrected) if changed else None

    def suggest(self, prefix, languages, visibilities, limit=10):
        """Titles with a word starting with `prefix`, for autocompletion."""
        prefix = prefix.strip().lower()
        if not prefix:
            return []
        candidates = IndexEntry.objects.filter(
            Q(title__icontains=prefix), language__in=languages, visibility__in=visibilities
        ).order_by("title")
        suggestions = []
        for entry in candidates.values("title", "key", "language", "url")[: limit * 5]:
            title_words = [word.lower() for word, _start, _end in words(entry["title"])]
            if entry["title"].lower().startswith(prefix) or any(
                word.startswith(prefix) for word in title_words
            ):
                suggestions.append(entry)
            if len(suggestions) == limit:
                break
        return suggestions
