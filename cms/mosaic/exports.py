"""A self-assessment as an XLSX workbook or a PDF, in any of the six languages.

The workbook goes through the suite's formula-safe cell writer (evidence is the State's free
text); the PDF is rendered by WeasyPrint like the course certificates: `lang` and `dir="rtl"`
for Arabic, Noto Naskh Arabic and Noto Sans CJK SC from the system fonts.
"""

import io
import unicodedata

from babel.dates import format_date
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cms.core.languages import BABEL_LOCALES, is_right_to_left
from cms.core.models import Country, MosaicModule
from cms.core.spreadsheets import write_xlsx_cell

from .assessments import baseline, gaps, lines
from .models import Priority, Rating

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
FONT_FAMILIES = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "zh-hans": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
}
DEFAULT_FONT_FAMILY = '"Noto Sans", "DejaVu Sans", sans-serif'
SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names and these characters in them
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
BOLD = Font(bold=True)


def direction_of(text):
    """ "rtl" or "ltr" from the first strongly directional letter of free text (the State's)."""
    for character in text or "":
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "auto"


def filename(assessment, file_format, language):
    return f"mosaic-assessment-{assessment.pk}-{language}.{file_format}"


def report(assessment, language):
    """Everything an export shows, with labels in `language` (call under its translation)."""
    all_lines = lines(assessment)
    module_names = MosaicModule.objects.names(language)
    country_names = Country.objects.names(language, codes=[assessment.country.code])

    def row(line):
        return {
            "clause": f"{line.clause.module.code} {line.clause.number}",
            "text": line.clause.in_language(language)[1],
            "rating": str(Rating(line.rating).label),
            "priority": str(Priority(line.priority).label),
            "evidence": line.evidence,
            "evidence_dir": direction_of(line.evidence),
        }

    return {
        "title": assessment.title,
        "title_dir": direction_of(assessment.title),
        "country": country_names.get(assessment.country.code, assessment.country.name),
        "assessed_on": format_date(
            assessment.assessed_on, format="long", locale=BABEL_LOCALES[language]
        ),
        "shared": assessment.shared,
        "baseline": [
            {
                "module": entry.module.code,
                "name": module_names.get(entry.module.code, entry.module.name),
                "applicable": entry.applicable,
                "met": entry.met,
                "share_met": entry.share_met,
                "score": entry.score,
            }
            for entry in baseline(assessment, all_lines)
        ],
        "gaps": [row(line) for line in gaps(assessment, all_lines)],
        "clauses": [row(line) for line in all_lines],
    }


def headings():
    return {
        "baseline": _("Baseline by module"),
        "gaps": _("Gaps, by priority"),
        "clauses": _("Clauses"),
        "module": _("Module"),
        "applicable": _("Applicable clauses"),
        "met": _("Fully or largely met"),
        "share_met": _("Share met"),
        "score": _("Score (0–100)"),
        "clause": _("Clause"),
        "text": _("Requirement"),
        "rating": _("Rating"),
        "priority": _("Priority"),
        "evidence": _("Evidence"),
        "state": _("State"),
        "assessed_on": _("Assessed on"),
        "private": _("Private to the State and the secretariat."),
        "shared": _("Shared by the State."),
        "heading": _("MOSAIC self-assessment"),
        "wording": _(
            "Requirements are summarized in the project's own words; the MOSAIC modules are "
            "the authoritative text."
        ),
    }


def as_xlsx(data, labels, right_to_left):
    workbook = Workbook()
    workbook.remove(workbook.active)

    def sheet(title, columns, rows):
        ws = workbook.create_sheet(title.translate(SHEET_TITLE_FORBIDDEN)[:SHEET_TITLE_LIMIT])
        ws.sheet_view.rightToLeft = right_to_left
        for column, name in enumerate(columns, start=1):
            write_xlsx_cell(ws, 1, column, labels[name]).font = BOLD
        for number, values in enumerate(rows, start=2):
            for column, name in enumerate(columns, start=1):
                write_xlsx_cell(ws, number, column, values[name])
        ws.freeze_panes = "A2"
        return ws

    summary = sheet(
        labels["baseline"],
        ["module", "applicable", "met", "share_met", "score"],
        [{**entry, "module": f"{entry['module']} {entry['name']}"} for entry in data["baseline"]],
    )
    for number in range(2, len(data["baseline"]) + 2):
        summary.cell(row=number, column=4).number_format = "0%"
    line_columns = ["clause", "text", "rating", "priority", "evidence"]
    sheet(labels["gaps"], line_columns, data["gaps"])
    sheet(labels["clauses"], line_columns, data["clauses"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def render_html(data, labels, language):
    return render_to_string(
        "mosaic/assessment.html",
        {
            "data": data,
            "labels": labels,
            "language": language,
            "direction": "rtl" if is_right_to_left(language) else "ltr",
            "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
        },
    )


def export(assessment, file_format, language):
    with translation.override(language):
        data = report(assessment, language)
        labels = headings()
        if file_format == "xlsx":
            return as_xlsx(data, labels, is_right_to_left(language))
        from weasyprint import HTML

        return HTML(string=render_html(data, labels, language)).write_pdf()
