"""The printed analysis of a cycle: rendered in three languages, its figures counted by hand."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from cms.analysis import report_pdf
from cms.analysis.charts import Bar, for_weasyprint, render_bar_chart
from cms.analysis.report_parts import merged_paths, with_shares_paired
from cms.celery import app
from cms.library.models import QuestionnaireQuestion, ReportingCycle

COORDINATION = "poa-ii-4-coordination-agency"
POINT_OF_CONTACT = "poa-ii-5-point-of-contact"
DESTROYED = "poa-ii-16-weapons-destroyed"
LAWS = "poa-ii-2-laws"


def laws(count):
    return [{"area": "import", "title": f"Firearms Act {n}"} for n in range(count)]


URL = reverse("analysis-report-pdf")


@pytest.fixture(autouse=True)
def drawn_in_the_request():
    """Drawn in the request, as without a worker; test_report_pdf_worker.py sends it to one."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def reports(publish_report):
    """Three States report for BMS9: Kenya and Nigeria (Africa), Germany (Europe)."""
    publish_report(
        "KE",
        "BMS9",
        {COORDINATION: "yes", POINT_OF_CONTACT: "yes", DESTROYED: 1200, LAWS: laws(2)},
    )
    publish_report("NG", "BMS9", {COORDINATION: "no", DESTROYED: 300, LAWS: laws(1)})
    publish_report("DE", "BMS9", {COORDINATION: "yes", POINT_OF_CONTACT: "no"})


def document(client, language):
    response = client.get(URL, {"cycle": "BMS9", "locale": language})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="analysis-BMS9-{language}.pdf"'
    return PdfReader(io.BytesIO(response.content))


def text_of(reader):
    """The document's text with every run of white space made one space."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def question_text(code, language):
    return " ".join(QuestionnaireQuestion.objects.get(code=code).text_in(language).split())


def test_english_document_counts_by_hand(client, reports):
    reader = document(client, "en")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    # Tagged, so that the text is read and extracted in reading order.
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Analysis of national reports: Ninth Biennial Meeting of States"
    assert len(reader.pages) > 20
    text = text_of(reader)
    assert "3 of 195 States reported (2%): 3 on the Programme of Action, 3 on the" in text
    assert "Based on 3 published reports." in text
    for code in (COORDINATION, POINT_OF_CONTACT, DESTROYED):
        assert question_text(code, "en") in text
    # Coordination: Kenya and Germany yes, Nigeria no.
    assert "Yes: 2 of 3 reports (67%)" in text
    assert "No: 1 of 3 reports (33%)" in text
    # Point of contact: Kenya yes, Germany no, Nigeria reported without answering.
    assert "Yes: 1 of 3 reports (33%)" in text
    assert "Reported, not answered: 1 of 3 reports (33%)" in text
    # Weapons destroyed: Kenya 1,200 and Nigeria 300.
    assert "Total: 1,500; median: 750; from 2 of 3 reports." in text
    # Laws listed: Kenya two, Nigeria one.
    assert question_text(LAWS, "en") in text
    assert "Entries listed: 3 in all; median: 1.5 per report; from 2 of 3 reports." in text
    # Three reports are a small base, and every figure says so.
    assert "Fewer than 10 reports: the shares describe the States that reported" in text
    # The demo's reports (Kenya, Germany, Mexico, the Philippines, Japan) and Nigeria's.
    assert "States that have never reported (189)" in text
    assert "do not imply official endorsement or acceptance by the United Nations" in text


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_arabic_and_chinese_documents(client, reports, language, monkeypatch):
    # The three questions answered, not all fifty: the English test draws the whole document.
    catalogue = report_pdf.question_catalogue()
    counted = {code: catalogue[code] for code in (COORDINATION, POINT_OF_CONTACT, DESTROYED)}
    monkeypatch.setattr(report_pdf, "question_catalogue", lambda: counted)
    reader = document(client, language)
    assert reader.trailer["/Root"]["/Lang"] == language
    text = text_of(reader)
    with translation.override(language):
        meeting = str(ReportingCycle.objects.get(code="BMS9").label)
    if language == "zh-hans":
        # Chinese lines break between any two characters: compare without the breaks.
        text, meeting = text.replace(" ", ""), meeting.replace(" ", "")
    assert meeting in text
    for code in (COORDINATION, POINT_OF_CONTACT, DESTROYED):
        expected = question_text(code, language)
        if language == "zh-hans":
            expected = expected.replace(" ", "")
        # Arabic comes out in logical order, as it was written, not mirrored.
        assert expected in text


@pytest.mark.parametrize(
    "params, name",
    [
        ({"cycle": "BMS99"}, "cycle"),
        ({"cycle": "BMS9", "maps": "every"}, "maps"),
        ({"cycle": "BMS9", "locale": "pt"}, "locale"),
    ],
)
def test_bad_parameters_are_named(client, demo_site, params, name):
    response = client.get(URL, params, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_document_is_drawn_once_per_content_version(client, demo_site, monkeypatch):
    from cms.api.caching import bump_version

    drawn = []

    def render(cycle, language, mapped):
        drawn.append((cycle.code, language, mapped))
        return b"%PDF-1.7 drawn"

    monkeypatch.setattr(report_pdf, "render_pdf", render)
    for _ in range(2):
        response = client.get(URL, {"cycle": "BMS9", "locale": "fr"})
        assert response.content == b"%PDF-1.7 drawn"
    assert drawn == [("BMS9", "fr", "key")]
    client.get(URL, {"cycle": "BMS9", "locale": "fr", "maps": "all"})
    bump_version()  # as publishing a report does
    client.get(URL, {"cycle": "BMS9", "locale": "fr"})
    assert drawn == [("BMS9", "fr", "key"), ("BMS9", "fr", "all"), ("BMS9", "fr", "key")]


def test_a_cycle_without_reports_says_so(demo_site):
    html = report_pdf.render_html(ReportingCycle.objects.get(code="BMS10"), "en")
    assert "No published report speaks to this question in this cycle." in html
    assert "0 of 195 States reported (0%)" in html


def test_status_table_pairs_each_count_with_its_share():
    columns = ["States", "In set", "Reports", "Yes", "Yes %", "No", "No %", "Dev", "Dev %"]
    columns += ["N/A", "N/A %", "Not answered"]
    row = ["Africa", 54, 3, 2, "67%", 1, "33%", 0, "0%", 0, "0%", 0]
    paired_columns, (paired,) = with_shares_paired(columns, [row])
    assert paired_columns == ["States", "In set", "Reports", "Yes", "No", "Dev", "N/A"] + [
        "Not answered"
    ]
    assert paired == ["Africa", 54, 3, "2 (67%)", "1 (33%)", "0 (0%)", "0 (0%)", 0]


def test_map_paths_of_one_fill_are_drawn_as_one():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g stroke="#fff">'
        '<path d="M0 0h1v1z" fill="#111"><title>A</title></path>'
        '<path d="M2 2h1v1z" fill="url(#hatch)"/><path d="M4 4h1v1z" fill="#111"/>'
        '</g><g fill="#eee"><path d="M6 6h1v1z"/><path d="M8 8h1v1z"/></g></svg>'
    )
    paths = ET.fromstring(merged_paths(svg)).iter("{http://www.w3.org/2000/svg}path")
    assert sorted((path.get("fill") or "", path.get("d")) for path in paths) == [
        ("", "M6 6h1v1zM8 8h1v1z"),
        ("#111", "M0 0h1v1zM4 4h1v1z"),
        ("url(#hatch)", "M2 2h1v1z"),
    ]


def test_chart_text_for_print_drops_arabic_vowel_marks():
    # WeasyPrint would draw the shadda and the tanween beside their letters, on dotted circles.
    bars = [Bar("قدّم تقريراً", 0.5), Bar("Côte d’Ivoire", 0.25)]
    svg = for_weasyprint(render_bar_chart(bars, title="T", language="ar"))
    texts = "".join(
        node.text or "" for node in ET.fromstring(svg).iter() if node.tag.endswith("text")
    )
    assert not {"\u0651", "\u064b"} & set(texts)
    assert "Côte d’Ivoire" in texts
