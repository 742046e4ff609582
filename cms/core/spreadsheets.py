"""Cells that a spreadsheet will never run: every CSV and XLSX the suite writes goes through here.

A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
spreadsheet programs (OWASP's "CSV injection"): a need titled `=HYPERLINK(...)` would run in
the secretariat's copy of the coverage report. In CSV such text gets a leading apostrophe; in
XLSX it is stored as text, marked so that editing the cell keeps it text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """A value for a CSV cell: formula-like text is escaped, numbers and dates stay as they are."""
    if value is None:
        return ""
    if is_formula_like(value):
        return "'" + value
    return value


def csv_row(values):
    return [csv_cell(value) for value in values]


def write_xlsx_cell(sheet, row, column, value):
    """Write a value into an openpyxl sheet; formula-like text is kept as text."""
    cell = sheet.cell(row=row, column=column, value=value)
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
