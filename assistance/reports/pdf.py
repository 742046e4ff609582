"""The coverage report as a printable PDF, rendered by WeasyPrint from a Django template.

As for the course certificates, Pango shapes Arabic (joined letters, right to left) and
picks the CJK font for Chinese; the Noto fonts come from the system (Debian:
fonts-noto-core, fonts-noto-cjk). The PDF is tagged (PDF/UA-1: a structure tree, the
document's language and title), so text extracts in reading order, Arabic included.
"""

from babel.dates import format_date
from django.template.loader import render_to_string
from django.utils import timezone

from cms.core.languages import BABEL_LOCALES, is_right_to_left

from . import colours, sections

CONTENT_TYPE = "application/pdf"
# Tagged PDF for accessibility (WeasyPrint's PDF/UA-1 variant).
PDF_VARIANT = "pdf/ua-1"
FONT_FAMILIES = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "zh-hans": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
}
DEFAULT_FONT_FAMILY = '"Noto Sans", "DejaVu Sans", sans-serif'
LEGEND_STEPS = 5


def heat_map(report):
    """The gap matrix with each cell's background and text colour, and a legend."""
    regions, themes, gaps, largest = sections.gap_matrix(report)
    rows = []
    for theme, theme_name in themes:
        cells = []
        for region, _name in regions:
            gap = gaps.get((theme, region))
            background = colours.gap_colour(gap, largest) if gap is not None else None
            cells.append(
                {
                    "gap": gap,
                    "background": background,
                    "text": colours.text_colour(background) if background else None,
                }
            )
        rows.append({"theme": theme_name, "cells": cells})
    legend = []
    for step in range(LEGEND_STEPS):
        value = largest * step / (LEGEND_STEPS - 1) if largest else 0
        legend.append({"value": value, "background": colours.gap_colour(value, largest)})
    return {"regions": [name for _code, name in regions], "rows": rows, "legend": legend}


def report_context(report, language):
    return {
        "language": language,
        "direction": "rtl" if is_right_to_left(language) else "ltr",
        "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
        "generated_on": format_date(
            timezone.localdate(), format="long", locale=BABEL_LOCALES[language]
        ),
        "labels": sections.titles(),
        "headline": sections.headline_rows(report),
        "coverage_headings": sections.coverage_headings(),
        "coverage_rows": sections.coverage_rows(report),
        "heat_map": heat_map(report),
        "unmatched_headings": sections.unmatched_headings(),
        "unmatched_rows": sections.unmatched_rows(report, language),
        "finding_headings": sections.finding_headings(),
        "duplication_rows": sections.finding_rows(report["duplication"], language),
        "synergy_rows": sections.finding_rows(report["synergies"], language),
        "feedback_headings": sections.feedback_headings(),
        "feedback_rows": sections.feedback_rows(report),
    }


def render_html(report, language):
    """Call inside `translation.override(language)`."""
    return render_to_string("assistance/coverage_report.html", report_context(report, language))


def as_pdf(report, language):
    from weasyprint import HTML

    return HTML(string=render_html(report, language)).write_pdf(pdf_variant=PDF_VARIANT)
