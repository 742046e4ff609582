"""The text of submitted PDF files is extracted for search; a damaged file is recorded."""

import pytest
from django.test import override_settings
from django.utils.html import escape

from cms.library.extraction import extract
from cms.library.models import DocumentText, NationalReportFile, NationalReportPage

from .conftest import CORRUPT_PDF, pdf_bytes

pytestmark = pytest.mark.usefixtures("demo_site")


def test_the_text_of_a_real_pdf_is_extracted_and_searchable(make_report, make_document):
    document = make_document(pdf_bytes("Marking machines for the national police"))
    report = make_report(
        "FR", publish=True, files=[NationalReportFile(language="fr", document=document)]
    )

    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.EXTRACTED
    assert "Marking machines for the national police" in record.text
    assert record.page_count == 1
    assert "Marking machines" in report.extracted_text()
    found = NationalReportPage.objects.live().search("machines")
    assert report.pk in {page.pk for page in found}


def test_extraction_is_idempotent(make_document):
    document = make_document(pdf_bytes("Stockpile management"))
    first = extract(document)
    updated_at = first.updated_at

    again = extract(document)

    assert again.pk == first.pk
    assert again.updated_at == updated_at
    assert DocumentText.objects.filter(document=document).count() == 1


def test_a_corrupt_pdf_is_recorded_and_the_report_still_renders_and_publishes(
    client, make_report, make_document
):
    document = make_document(CORRUPT_PDF, name="damaged.pdf", title="Damaged")
    report = make_report(
        "FR", publish=True, files=[NationalReportFile(language="en", document=document)]
    )

    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.FAILED
    assert record.error
    assert report.live
    page = client.get(report.url)
    assert page.status_code == 200
    assert "Damaged" in page.content.decode()


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
def test_the_extraction_failure_is_visible_in_the_admin(admin_client, make_document):
    document = make_document(CORRUPT_PDF, name="damaged.pdf", title="Damaged annex")
    extract(document)

    listing = admin_client.get("/admin/report_text_extraction/", {"status": "failed"})

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Damaged annex" in html
    assert DocumentText.objects.get(document=document).error.split(":")[0] in html


def test_the_report_editor_shows_each_files_extraction_status(
    client, make_report, make_document, make_npc
):
    author = make_npc("FR")
    document = make_document(CORRUPT_PDF, name="damaged.pdf", title="Damaged annex")
    report = make_report(
        "FR", owner=author, files=[NationalReportFile(language="fr", document=document)]
    )
    client.force_login(author)

    editor = client.get(f"/admin/pages/{report.pk}/edit/")

    assert editor.status_code == 200
    html = editor.content.decode()
    assert "Damaged annex (fr)" in html
    assert escape(DocumentText.objects.get(document=document).error) in html
