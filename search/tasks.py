from celery import shared_task

from .backends import SearchBackendUnavailable
from .registry import document_for_key


@shared_task(
    autoretry_for=(SearchBackendUnavailable,),
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=None,
)
def update_index(keys):
    """Bring the index entries of `keys` in line with the database; safe to run twice."""
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
