"""Index updates, run by the outbox (see `search.sync`): safe to run twice."""

from .registry import document_for_key


def update_index(keys):
    """Bring the index entries of `keys` in line with the database."""
    from cms.api.caching import bump_version

    from .service import backend

    documents, gone = [], []
    for key in keys:
        document = document_for_key(key)
        if document is None:
            gone.append(key)
        else:
            documents.append(document)
    search_backend = backend()
    if documents:
        search_backend.index(documents)
    if gone:
        search_backend.delete(gone)
    # Cached search answers may predate this update.
    bump_version()
    return {"indexed": len(documents), "deleted": len(gone)}


def apply_update(payload):
    """Outbox handler; a SearchBackendUnavailable leaves the message pending for the replay."""
    return update_index([payload["key"]])
