"""The coverage report laid out as the sections of a printed or spreadsheet report.

Call inside `translation.override(language)`: headings and labels come out in that language.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from cms.core.models import Country, ThematicArea

# Excel refuses these in sheet names and cuts names at 31 characters.
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def sheet_title(text):
    return SHEET_FORBIDDEN.sub(" ", str(text)).strip()[:SHEET_NAME_LENGTH].strip() or "-"


def amount(value):
    return Decimal(value) if value not in (None, "") else None


def titles():
    return {
        "report": _("Coverage of assistance needs"),
        "subtitle": _("Report for the informal meetings of interested States"),
        "summary": _("Summary"),
        "coverage": _("Coverage by region and thematic area"),
        "coverage_sheet": _("Coverage"),
        "heat_map": _("Gap by region and thematic area (USD)"),
        "heat_map_sheet": _("Gap heat map"),
        "unmatched": _("Unmatched needs"),
        "duplication": _("Duplication"),
        "synergies": _("Synergies"),
        "feedback": _("Fulfilment feedback"),
        "legend": _("Legend"),
        "no_gap": _("No gap"),
        "largest_gap": _("Largest gap"),
        "no_data": _("No need to report."),
        "nothing": _("None found."),
        "language": _("Language"),
        "generated": _("Generated on"),
        "figure": _("Figure"),
        "value": _("Value"),
    }


def coverage_headings():
    return [
        _("Region"),
        _("Thematic area"),
        _("Needs"),
        _("Requested (USD)"),
        _("Matched (USD)"),
        _("Funded (USD)"),
        _("Gap (USD)"),
    ]


def coverage_rows(report):
    """[region, theme, needs, requested, matched, funded, gap], amounts as Decimals."""
    return [
        [
            row["region_name"] or row["region"] or "—",
            row["theme_name"] or row["theme"] or "—",
            row["needs"],
            amount(row["requested_usd"]),
            amount(row["matched_usd"]),
            amount(row["funded_usd"]),
            amount(row["gap_usd"]),
        ]
        for row in report["rows"]
    ]


def headline_rows(report):
    """(label, value, is_money) for the headline figures."""
    totals = report["totals"]
    return [
        (_("Validated needs"), totals["needs"], False),
        (_("Requested (USD)"), amount(totals["requested_usd"]), True),
        (_("Matched (USD)"), amount(totals["matched_usd"]), True),
        (_("Funded (USD)"), amount(totals["funded_usd"]), True),
        (_("Gap (USD)"), amount(totals["gap_usd"]), True),
        (_("Unmatched needs"), len(report["unmatched_needs"]), False),
    ]


def gap_matrix(report):
    """Themes down, regions across: (regions, themes, {(theme, region): gap}, largest gap).

    Regions and themes are (code, name) pairs, in the order of the coverage rows; a cell with
    no need is absent from the dictionary.
    """
    regions, themes, gaps = {}, {}, {}
    for row in report["rows"]:
        regions.setdefault(row["region"], row["region_name"] or row["region"] or "—")
        themes.setdefault(row["theme"], row["theme_name"] or row["theme"] or "—")
        gaps[(row["theme"], row["region"])] = amount(row["gap_usd"])
    largest = max(gaps.values(), default=Decimal(0))
    themes = sorted(themes.items(), key=lambda item: item[1])
    return list(regions.items()), themes, gaps, largest


def unmatched_headings():
    return [_("Need"), _("Title"), _("Country"), _("Amount (USD)")]


def unmatched_rows(report, language):
    countries = Country.objects.names(language)
    return [
        [
            need["id"],
            need["title"],
            countries.get(need["country"], need["country"]),
            amount(need["amount_usd"]),
        ]
        for need in report["unmatched_needs"]
    ]


def finding_headings():
    return [_("Kind"), _("Description"), _("Countries"), _("Thematic areas"), _("Records")]


def finding_kinds():
    return {
        "same_project": _("Same project recorded twice"),
        "same_need": _("Same need recorded twice"),
        "needs": _("Overlapping needs"),
        "projects": _("Overlapping projects"),
        "cofunding": _("Co-funding"),
        "regional": _("Regional project"),
    }


def finding_rows(items, language):
    """Duplication or synergy findings as rows of text, with names in the language."""
    countries, themes = Country.objects.names(language), ThematicArea.objects.names(language)
    kinds = finding_kinds()
    rows = []
    for item in items:
        codes = item.get("countries") or ([item["country"]] if item.get("country") else [])
        theme_codes = item.get("themes") or ([item["theme"]] if item.get("theme") else [])
        need_ids = item.get("needs") or ([item["need"]] if item.get("need") else [])
        records = [
            (_("Needs"), [f"#{pk}" for pk in need_ids]),
            (_("Resources"), [f"#{pk}" for pk in item.get("resources", [])]),
            (_("Projects"), [str(code) for code in item.get("projects", [])]),
        ]
        rows.append(
            [
                kinds.get(item["kind"], item["kind"]),
                str(item["description"]),
                ", ".join(countries.get(code, code) for code in codes),
                ", ".join(themes.get(code, code) for code in theme_codes),
                "; ".join(f"{label}: {', '.join(ids)}" for label, ids in records if ids),
            ]
        )
    return rows


def feedback_headings():
    return [
        _("Region"),
        _("Thematic area"),
        _("Matches rated"),
        _("Recipients' rating (1-5)"),
        _("Need met, say recipients"),
        _("Providers' rating (1-5)"),
        _("Need met, say providers"),
    ]


def feedback_rows(report):
    """Feedback of both sides on funded and completed matches, by region and theme."""

    def met(row, side):
        return f"{row[f'{side}_met']}/{row[f'{side}_answers']}" if row[f"{side}_answers"] else ""

    return [
        [
            row["region_name"] or row["region"] or "—",
            row["theme_name"] or row["theme"] or "—",
            row["matches"],
            row["recipient_rating"],
            met(row, "recipient"),
            row["provider_rating"],
            met(row, "provider"),
        ]
        for row in report.get("feedback", [])
    ]
