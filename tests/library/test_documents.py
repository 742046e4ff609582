import pytest
from django.core.exceptions import ValidationError

from cms.library.documents import undocs_url, validate_symbol


@pytest.mark.parametrize(
    "symbol",
    [
        "A/71/438",
        "A/CONF.192/BMS/2016/1",
        "A/47/277-S/24111",
        "S/RES/2220(2015)",
        "A/CONF.192/2024/RC/CRP.1/Rev.3",
        "A/CONF.192/BMS/2008/L.3/Rev.1",
    ],
)
def test_un_document_symbols_are_accepted(symbol):
    validate_symbol(symbol)


@pytest.mark.parametrize(
    "symbol", ["A 71 438", "a/71/438", "A71438", "A/71/<script>", "A/71/rev.1"]
)
def test_malformed_symbols_are_refused(symbol):
    with pytest.raises(ValidationError):
        validate_symbol(symbol)


def test_symbols_resolve_at_undocs():
    assert undocs_url("A/CONF.192/BMS/2016/1") == "https://undocs.org/A/CONF.192/BMS/2016/1"


def test_a_documentation_page_serves_its_original_documents_per_language(
    client, demo_site, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from cms.library.models import DocumentationFile, DocumentationPage

    page = DocumentationPage.objects.get(slug="project-proposal", locale__language_code="en")
    originals = {
        language: Document.objects.create(
            title=f"A/CONF.192/BMS/2008/3 ({language})",
            file=ContentFile(b"%PDF-1.4 original", name=f"bms-2008-3-{language}.pdf"),
        )
        for language in ("en", "fr")
    }
    page.original_files = [
        DocumentationFile(language=language, document=document)
        for language, document in originals.items()
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    files = {item["language"]: item for item in data["original_files"]}
    assert set(files) == {"en", "fr"}
    assert files["fr"]["title"] == "A/CONF.192/BMS/2008/3 (fr)"
    assert files["fr"]["url"] == originals["fr"].url
    assert "bms-2008-3-fr" in files["fr"]["url"]
