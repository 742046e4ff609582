"""The one search service: what a user may see, in which languages, through the backend."""

from functools import lru_cache

from cms.accounts.roles import is_secretariat
from cms.core.languages import UN_LANGUAGE_CODES
from cms.network.access import is_member

from .backends import get_search_backend
from .documents import MEMBERS, PUBLIC, SECRETARIAT, SearchQuery


def allowed_visibilities(user):
    """Visibility is a filter inside every query, so facets never count hidden documents."""
    if is_secretariat(user):
        return [PUBLIC, MEMBERS, SECRETARIAT]
    if is_member(user):
        return [PUBLIC, MEMBERS]
    return [PUBLIC]


@lru_cache(maxsize=1)
def backend():
    return get_search_backend()


def search(user, text, language, all_languages=False, **filters):
    query = SearchQuery(
        text=text,
        languages=list(UN_LANGUAGE_CODES) if all_languages else [language],
        visibilities=allowed_visibilities(user),
        **filters,
    )
    return backend().search(query)


def suggest(user, prefix, language, all_languages=False, limit=10):
    languages = list(UN_LANGUAGE_CODES) if all_languages else [language]
    return backend().suggest(prefix, languages, allowed_visibilities(user), limit=limit)
