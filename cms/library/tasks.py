"""Work the library leaves to the outbox (see `LibraryConfig.outbox_topics`): safe to run twice."""

EXTRACT_DOCUMENT_TEXT = "library.extract-document-text"
REFRESH_COUNTRY_PROFILE = "library.refresh-country-profile"


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


def refresh_country_profile(country_code, language_code=None):
    """Drop the country's stored profile sections and rebuild them in `language_code`.

    Other languages (which may fall back to the changed English report) are rebuilt on
    their next request.
    """
    from .profiles import refresh_stored_sections

    return refresh_stored_sections(country_code, language_code)


def schedule_text_extraction(document_id):
    from cms.outbox.service import enqueue

    enqueue(EXTRACT_DOCUMENT_TEXT, f"document:{document_id}", {"document": document_id})


def schedule_profile_refresh(country_code, language_code):
    from cms.outbox.service import enqueue

    enqueue(
        REFRESH_COUNTRY_PROFILE,
        f"profile:{country_code}:{language_code}",
        {"country": country_code, "language": language_code},
    )


# Outbox handlers


def extract_document_text_handler(payload):
    extract_document_text(payload["document"])


def refresh_country_profile_handler(payload):
    refresh_country_profile(payload["country"], payload["language"])


def send_submission_receipt_handler(payload):
    """Send a submission's receipt; the submission records it, so it goes out once."""
    from .questionnaire.filing import send_receipt

    send_receipt(payload["submission"])
