"""Tables as CSV and XLSX files, through the suite's formula-safe cell writers."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from cms.core.spreadsheets import csv_row, write_xlsx_cell

HEADER_FONT = Font(bold=True)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names and these characters in them
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def plain(value):
    """Numbers stay numbers; everything else (translated labels included) becomes text."""
    if value is None or isinstance(value, (int, float)):
        return value
    return str(value)


def as_csv(tables):
    out = io.StringIO()
    writer = csv.writer(out)
    for number, table in enumerate(tables):
        if number:
            writer.writerow([])
        writer.writerow(csv_row([plain(table.title)]))
        writer.writerow(csv_row([plain(column) for column in table.columns]))
        writer.writerows(csv_row([plain(value) for value in row]) for row in table.rows)
    return out.getvalue()


def as_xlsx(tables):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, table in enumerate(tables, start=1):
        title = f"{number} {plain(table.title)}".translate(SHEET_TITLE_FORBIDDEN)
        sheet = workbook.create_sheet(title[:SHEET_TITLE_LIMIT].strip())
        for column, value in enumerate(table.columns, start=1):
            write_xlsx_cell(sheet, 1, column, plain(value)).font = HEADER_FONT
        for row_number, row in enumerate(table.rows, start=2):
            for column, value in enumerate(row, start=1):
                write_xlsx_cell(sheet, row_number, column, plain(value))
        sheet.freeze_panes = "B2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(tables, filename, file_format):
    """An attachment of the tables in `file_format` ("csv" or "xlsx")."""
    if file_format == "xlsx":
        response = HttpResponse(as_xlsx(tables), content_type=XLSX_TYPE)
    else:
        response = HttpResponse("\ufeff" + as_csv(tables), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
