"""Read the text of a submitted PDF with pypdf; record a failure instead of raising it."""

import hashlib
import logging

from pypdf import PdfReader

from .models import DocumentText

logger = logging.getLogger(__name__)

# The text is for search; a report longer than this is indexed on its first part.
MAX_TEXT_LENGTH = 2_000_000


def file_checksum(field_file):
    digest = hashlib.sha256()
    with field_file.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_pdf_text(field_file):
    """(text, page count) of a PDF; pypdf's errors propagate."""
    with field_file.open("rb") as file:
        reader = PdfReader(file)
        pages = [page.extract_text() or "" for page in reader.pages]
    return "\n\n".join(text.strip() for text in pages).strip()[:MAX_TEXT_LENGTH], len(pages)


def extract(document):
    """Extract and store the text of `document` unless this very file was processed already."""
    record, _created = DocumentText.objects.get_or_create(document=document)
    try:
        checksum = file_checksum(document.file)
    except OSError as error:
        record.status, record.error, record.text = DocumentText.Status.FAILED, str(error), ""
        record.save()
        return record
    if record.checksum == checksum and record.status != DocumentText.Status.PENDING:
        return record
    try:
        text, page_count = read_pdf_text(document.file)
    except Exception as error:  # pypdf raises many kinds of error on a damaged file
        logger.warning("Text extraction failed for document %s: %s", document.pk, error)
        record.status = DocumentText.Status.FAILED
        record.error = f"{type(error).__name__}: {error}"[:2000] or type(error).__name__
        record.text, record.page_count = "", None
    else:
        record.status, record.error = DocumentText.Status.EXTRACTED, ""
        record.text, record.page_count = text, page_count
    record.checksum = checksum
    record.save()
    return record
