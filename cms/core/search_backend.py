"""Wagtail's database search backend, given the words of a query only.

The backend passes the query to the database's full-text syntax: on SQLite an unbalanced
quote or an ampersand is an FTS5 syntax error (a 500 in the admin's document search and the
API's `?search=`), and on PostgreSQL a NUL byte is refused. Words are all these searches
need, so every query is reduced to them before it reaches the backend, whichever view asks.
"""

import re
from functools import cache

from modelsearch.backends.database import SearchBackend as backend_for_database

WORD = re.compile(r"\w+")


def words_only(query):
    return " ".join(WORD.findall(query)) if isinstance(query, str) else query


class WordsOnlyMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, words_only(query), model_or_queryset, **kwargs)


@cache
def words_only_class(backend_class):
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnlyMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the factory name Wagtail looks up
    return words_only_class(type(backend_for_database(params)))(params)
