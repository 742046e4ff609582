"""Sources of search documents, declared by each app in its AppConfig's `search_providers`
(see cms.core.plugins). `register` adds one at run time, over the declared ones."""

from functools import cache

from cms.core.plugins import contributions

_registered = {}


class SearchProvider:
    """Turns one kind of object into search documents.

    `prefix` names the source in document keys ("page:12"); `document_for(object_id)`
    returns the document, or None when the object must not be in the index (deleted,
    unpublished, restricted); `all_documents()` yields every document for a rebuild.
    """

    prefix = ""

    def document_for(self, object_id):
        raise NotImplementedError

    def all_documents(self):
        raise NotImplementedError

    def count_by_language(self):
        """How many documents the database holds for the index, per language."""
        raise NotImplementedError


@cache
def declared_providers():
    providers = {}
    for _app_config, declared in contributions("search_providers"):
        for provider in declared:
            if isinstance(provider, type):
                provider = provider()
            providers[provider.prefix] = provider
    return providers


def register(provider):
    _registered[provider.prefix] = provider
    return provider


def _providers():
    return {**declared_providers(), **_registered}


def providers():
    return list(_providers().values())


def provider_for(key):
    prefix, _sep, object_id = key.partition(":")
    return _providers()[prefix], object_id


def document_for_key(key):
    provider, object_id = provider_for(key)
    return provider.document_for(object_id)
