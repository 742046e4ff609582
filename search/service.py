"""The one search service: what a user may see, in which languages, through the backend."""

from functools import lru_cache

from cms.accounts.roles import is_secretariat
from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.plugins import contributions

from .backends import get_search_backend
from .documents import PUBLIC, VISIBILITIES, SearchQuery


def allowed_visibilities(user):
    """Visibility is a filter inside every query, so facets never count hidden documents.

    The secretariat sees everything; others see the public documents and those of the
    audiences the installed apps place them in (`search_audiences`, e.g. network members).
    """
    if is_secretariat(user):
        return list(VISIBILITIES)
    audiences = {PUBLIC}
    for _app_config, audiences_of in contributions("search_audiences"):
        audiences |= set(audiences_of(user))
    return [visibility for visibility in VISIBILITIES if visibility in audiences]


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
