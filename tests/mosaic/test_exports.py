"""The assessment as XLSX and PDF in the six languages: files that open, in the right language."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from .conftest import ASSESSMENTS, client_for, create_assessment, rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(kenya_npc):
    client = client_for(kenya_npc)
    assessment_id = create_assessment(client, title='=HYPERLINK("http://x") baseline')
    ratings = {"5.1.1": ("fully", "high"), "5.2.1": ("not_started", "high")}
    assert rate(client, assessment_id, ratings).status_code == 200
    client.post(
        f"{ASSESSMENTS}{assessment_id}/ratings/",
        {"ratings": [{"clause": "05.30/6.1.1", "rating": "partial", "evidence": "=1+1"}]},
        format="json",
    )
    return client, assessment_id


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "ar", "zh-hans"])
def test_xlsx_opens_in_each_language(assessment, language):
    client, assessment_id = assessment
    response = client.get(
        f"{ASSESSMENTS}{assessment_id}/export/", {"format": "xlsx", "locale": language}
    )
    assert response.status_code == 200
    assert (
        f'filename="mosaic-assessment-{assessment_id}-{language}.xlsx"'
        in (response["Content-Disposition"])
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 3
    gaps = workbook.worksheets[1]
    assert gaps.cell(row=2, column=1).value == "05.30 5.2.1"
    assert workbook.worksheets[0].sheet_view.rightToLeft == (language == "ar")
    clauses = workbook.worksheets[2]
    evidence = [clauses.cell(row=row, column=5).value for row in range(2, clauses.max_row + 1)]
    # Formula-like evidence stays text (marked as such), never a formula.
    assert "=1+1" in evidence
    assert all(cell.data_type != "f" for row in clauses.iter_rows() for cell in row)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ["MOSAIC self-assessment", "Marking and recordkeeping"]),
        ("fr", ["Marquage et enregistrement"]),
        ("ar", ["الوسم وحفظ السجلات"]),
        ("zh-hans", ["标识和记录保存"]),
    ],
)
def test_pdf_has_pages_and_text_in_the_language(assessment, language, expected):
    client, assessment_id = assessment
    response = client.get(
        f"{ASSESSMENTS}{assessment_id}/export/", {"format": "pdf", "locale": language}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    for snippet in expected:
        if language == "ar":
            # Extracted Arabic comes in presentation forms; compare letters without them.
            import unicodedata

            text = unicodedata.normalize("NFKC", text)
        assert snippet.split()[0] in text


def test_export_needs_a_file_format(assessment):
    client, assessment_id = assessment
    response = client.get(f"{ASSESSMENTS}{assessment_id}/export/")
    assert response.status_code == 400
    assert "format" in response.json()["errors"]
