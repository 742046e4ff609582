from celery import shared_task


@shared_task
def extract_document_text(document_id):
    """Extract the text of a national report file for search (idempotent per file content)."""
    from wagtail.documents import get_document_model

    from .extraction import extract
    from .reports import reindex_reports_of

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    record = extract(document)
    reindex_reports_of(document_id)
    return record.status


@shared_task
def refresh_country_profile(country_code, language_code=None):
    """Drop the country's stored profile sections and rebuild them in `language_code`.

    Other languages (which may fall back to the changed English report) are rebuilt on
    their next request.
    """
    from .profiles import refresh_stored_sections

    return refresh_stored_sections(country_code, language_code)
