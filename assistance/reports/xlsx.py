"""The coverage report as an Excel workbook (openpyxl), one sheet per section.

Amounts are numbers with a US-dollar number format, so they can be summed and charted; the
gap matrix carries a colour-scale rule (the heat map), with the stops of `colours`.
"""

import io

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cms.core.languages import is_right_to_left
from cms.core.spreadsheets import write_xlsx_cell

from . import colours, sections

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "[$USD] #,##0.00"
HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DCE6F0")


def _sheet(workbook, title, language, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = sections.sheet_title(title)
    sheet.sheet_view.rightToLeft = is_right_to_left(language)
    return sheet


def _table(sheet, headings, rows, money_columns=(), start_row=1):
    for column, heading in enumerate(headings, start=1):
        cell = sheet.cell(row=start_row, column=column, value=str(heading))
        cell.font, cell.fill = HEADING_FONT, HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = write_xlsx_cell(sheet, start_row + offset, column, value)
            if column - 1 in money_columns:
                cell.number_format = MONEY_FORMAT
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    for column, heading in enumerate(headings, start=1):
        width = max([len(str(heading))] + [len(str(row[column - 1] or "")) for row in rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)


def _summary(workbook, report, language, labels):
    sheet = _sheet(workbook, labels["summary"], language, first=True)
    sheet["A1"] = str(labels["report"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = str(labels["subtitle"])
    rows = [[str(label), value] for label, value, _is_money in sections.headline_rows(report)]
    _table(sheet, [labels["figure"], labels["value"]], rows, start_row=4)
    for offset, (_label, _value, is_money) in enumerate(sections.headline_rows(report), start=5):
        if is_money:
            sheet.cell(row=offset, column=2).number_format = MONEY_FORMAT


def _heat_map(workbook, report, language, labels):
    sheet = _sheet(workbook, labels["heat_map_sheet"], language)
    sheet["A1"] = str(labels["heat_map"])
    sheet["A1"].font = Font(bold=True)
    regions, themes, gaps, _largest = sections.gap_matrix(report)
    headings = [sections.coverage_headings()[1]] + [name for _code, name in regions]
    rows = [
        [theme_name] + [gaps.get((theme, region)) for region, _name in regions]
        for theme, theme_name in themes
    ]
    _table(sheet, headings, rows, money_columns=range(1, len(headings)), start_row=3)
    if regions and themes:
        cells = f"B4:{get_column_letter(len(regions) + 1)}{len(themes) + 3}"
        sheet.conditional_formatting.add(
            cells,
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color=colours.LOW,
                mid_type="percentile",
                mid_value=50,
                mid_color=colours.MIDDLE,
                end_type="max",
                end_color=colours.HIGH,
            ),
        )
    return sheet


def as_xlsx(report, language):
    """The workbook's bytes; call inside `translation.override(language)`."""
    labels = sections.titles()
    workbook = Workbook()
    _summary(workbook, report, language, labels)

    sheet = _sheet(workbook, labels["coverage_sheet"], language)
    _table(
        sheet,
        sections.coverage_headings(),
        sections.coverage_rows(report),
        money_columns=(3, 4, 5, 6),
    )
    _heat_map(workbook, report, language, labels)

    sheet = _sheet(workbook, labels["unmatched"], language)
    _table(
        sheet,
        sections.unmatched_headings(),
        sections.unmatched_rows(report, language),
        money_columns=(3,),
    )
    for key in ("duplication", "synergies"):
        sheet = _sheet(workbook, labels[key], language)
        _table(sheet, sections.finding_headings(), sections.finding_rows(report[key], language))
    sheet = _sheet(workbook, labels["feedback"], language)
    _table(sheet, sections.feedback_headings(), sections.feedback_rows(report))

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
