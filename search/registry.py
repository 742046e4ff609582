"""Sources of search documents. Each app registers a provider for its own objects."""

_providers = {}


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


def register(provider):
    _providers[provider.prefix] = provider
    return provider


def providers():
    return list(_providers.values())


def provider_for(key):
    prefix, _sep, object_id = key.partition(":")
    return _providers[prefix], object_id


def document_for_key(key):
    provider, object_id = provider_for(key)
    return provider.document_for(object_id)
