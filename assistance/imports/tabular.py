"""Read CSV and XLSX tables against a declared column schema, row by row.

A Schema lists its Columns (name, kind, required, other header spellings, unique). Reading
returns a TableResult: the validated rows, and a CellError for every bad cell with its row
number (the header is row 1, as a spreadsheet shows it), column and reason. The caller
imports `result.rows` only when `result.errors` is empty, which makes imports
all-or-nothing. With `max_errors`, reading stops at that many errors (`result.truncated`):
a big table with bad rows is refused without reading the rest.

    schema = Schema((
        Column("code", Text(max_length=40), required=True, unique=True),
        Column("country", Country(), required=True),
        Column("budget", Money()),
        Column("start_date", Date(), aliases=("start",)),
    ))
    result = read_table("needs.xlsx", schema)
"""

import copy
import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .files import not_text_reason
from .places import PlaceError, resolve_country
from .records import CellError
from .values import CURRENCY_CODES, parse_date, parse_decimal, parse_money

HEADER_ROW = 1


class Kind:
    """How a cell's text becomes a value; `parse` raises ValueError with the reason."""

    description = "text"

    def parse(self, value):
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Kind):
    max_length: int | None = None
    description = "text"

    def parse(self, value):
        text = _as_text(value)
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(
                _("is %(length)s characters long; at most %(maximum)s")
                % {"length": len(text), "maximum": self.max_length}
            )
        return text


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None
    description = "whole number"

    def parse(self, value):
        number = parse_decimal(value)
        if number != number.to_integral_value():
            raise ValueError(_("%(text)r is not a whole number") % {"text": _as_text(value)})
        number = int(number)
        _check_range(number, self.minimum, self.maximum)
        return number


@dataclass(frozen=True)
class Number(Kind):
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    description = "number"

    def parse(self, value):
        number = parse_decimal(value)
        _check_range(number, self.minimum, self.maximum)
        return number


@dataclass(frozen=True)
class Boolean(Kind):
    description = "yes or no"
    TRUE = frozenset({"yes", "y", "true", "1", "x"})
    FALSE = frozenset({"no", "n", "false", "0"})

    def parse(self, value):
        if isinstance(value, bool):
            return value
        text = _as_text(value).casefold()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("%(text)r is not yes or no") % {"text": _as_text(value)})


@dataclass(frozen=True)
class Date(Kind):
    description = "date (YYYY-MM-DD)"

    def parse(self, value):
        return parse_date(value)


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of codes, matched without regard to case."""

    choices: tuple[str, ...] = ()
    description = "choice"

    def parse(self, value):
        text = _as_text(value)
        for choice in self.choices:
            if text.casefold() == choice.casefold():
                return choice
        raise ValueError(
            _("%(text)r is not one of: %(choices)s")
            % {"text": text, "choices": ", ".join(self.choices)}
        )


@dataclass(frozen=True)
class Country(Kind):
    """An ISO 3166-1 code (alpha-2 or alpha-3) or a country name; gives the alpha-2 code."""

    description = "country"

    def parse(self, value):
        try:
            return resolve_country(_as_text(value))
        except PlaceError as error:
            raise ValueError(str(error)) from None


@dataclass(frozen=True)
class Currency(Kind):
    description = "currency (ISO 4217)"

    def parse(self, value):
        code = _as_text(value).upper()
        if code not in CURRENCY_CODES:
            raise ValueError(
                _("%(text)r is not an ISO 4217 currency code") % {"text": _as_text(value)}
            )
        return code


@dataclass(frozen=True)
class Money(Kind):
    """An amount with its currency ("USD 25,000", "€ 1.2 million"); a bare number takes
    `default_currency` when one is set."""

    default_currency: str | None = None
    description = "amount with currency"

    def parse(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            if not self.default_currency:
                raise ValueError(_("%(amount)r names no currency") % {"amount": str(value)})
            value = str(value)
        money = parse_money(_as_text(value), default_currency=self.default_currency)
        if money.amount < 0:
            raise ValueError(_("is negative"))
        return money


@dataclass(frozen=True)
class ListOf(Kind):
    """Several values in one cell, separated by `separator`; each read by `kind`."""

    kind: Kind = field(default_factory=Text)
    separator: str = ";"
    description = "list"

    def parse(self, value):
        items = [item.strip() for item in _as_text(value).split(self.separator)]
        values, reasons = [], []
        for item in items:
            if not item:
                continue
            try:
                parsed = self.kind.parse(item)
            except ValueError as error:
                reasons.append(str(error))
                continue
            if parsed not in values:
                values.append(parsed)
        if reasons:
            raise ValueError("; ".join(reasons))
        return values


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = field(default_factory=Text)
    required: bool = False
    aliases: tuple[str, ...] = ()
    unique: bool = False
    default: Any = None


# A check across the cells of one row: returns (column, reason) for each problem.
RowCheck = Callable[[dict], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class Schema:
    columns: tuple[Column, ...]
    row_checks: tuple[RowCheck, ...] = ()
    allow_extra_columns: bool = False


@dataclass(frozen=True)
class Row:
    number: int
    values: dict


@dataclass
class TableResult:
    rows: list[Row]
    errors: list[CellError]
    # The rows without a bad cell, even when other rows have one: a caller can check them
    # further (against the database) and report every problem of the file at once.
    valid_rows: list[Row] = field(default_factory=list)
    # Reading stopped at `max_errors`: there may be more problems below.
    truncated: bool = False

    @property
    def ok(self):
        return not self.errors


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def _check_range(number, minimum, maximum):
    if minimum is not None and number < minimum:
        raise ValueError(
            _("%(number)s is below the minimum %(minimum)s")
            % {"number": number, "minimum": minimum}
        )
    if maximum is not None and number > maximum:
        raise ValueError(
            _("%(number)s is above the maximum %(maximum)s")
            % {"number": number, "maximum": maximum}
        )


def _header_key(text):
    return re.sub(r"[\s_]+", " ", _as_text(text)).strip().casefold()


def _has_nul(value):
    return isinstance(value, str) and "\x00" in value


def validate_rows(schema, header, rows, *, max_errors=None):
    """Validate (row number, cells) pairs under `header`; the readers call this.

    Stops after `max_errors` errors (the result is then `truncated`)."""
    errors = []
    by_key = {}
    for column in schema.columns:
        for spelling in (column.name, *column.aliases):
            by_key[_header_key(spelling)] = column
    positions = {}
    for position, title in enumerate(header):
        if _has_nul(title):
            printable = _as_text(title).replace("\x00", "\\x00")
            errors.append(CellError(HEADER_ROW, printable, _("contains a NUL character")))
            continue
        if _header_key(title) == "":
            continue
        column = by_key.get(_header_key(title))
        if column is None:
            if not schema.allow_extra_columns:
                errors.append(CellError(HEADER_ROW, _as_text(title), _("unknown column")))
            continue
        if column.name in positions:
            errors.append(CellError(HEADER_ROW, column.name, _("the column appears twice")))
            continue
        positions[column.name] = position
    for column in schema.columns:
        if column.required and column.name not in positions:
            errors.append(CellError(HEADER_ROW, column.name, _("required column is missing")))
    if errors:
        return TableResult([], errors)

    validated = []
    first_seen = {column.name: {} for column in schema.columns if column.unique}
    truncated = False
    for number, cells in rows:
        if max_errors is not None and len(errors) >= max_errors:
            truncated = True
            break
        if all(_as_text(cell) == "" for cell in cells):
            continue
        values, row_errors = {}, []
        for column in schema.columns:
            position = positions.get(column.name)
            cell = cells[position] if position is not None and position < len(cells) else None
            if _as_text(cell) == "":
                if column.required:
                    row_errors.append(CellError(number, column.name, _("a value is required")))
                values[column.name] = copy.copy(column.default)
                continue
            if _has_nul(cell):
                # PostgreSQL cannot store it, and no spreadsheet writes one on purpose.
                row_errors.append(CellError(number, column.name, _("contains a NUL character")))
                continue
            try:
                values[column.name] = column.kind.parse(cell)
            except ValueError as error:
                row_errors.append(CellError(number, column.name, str(error)))
                continue
            if column.unique:
                seen = first_seen[column.name]
                key = values[column.name]
                key = key.casefold() if isinstance(key, str) else key
                if key in seen:
                    row_errors.append(
                        CellError(
                            number,
                            column.name,
                            _("the same value as row %(row)s") % {"row": seen[key]},
                        )
                    )
                else:
                    seen[key] = number
        if not row_errors:
            for check in schema.row_checks:
                row_errors.extend(
                    CellError(number, column, reason) for column, reason in check(values)
                )
        errors.extend(row_errors)
        if not row_errors:
            validated.append(Row(number, values))
    return TableResult(validated if not errors else [], errors, validated, truncated)


def read_csv(source, schema, *, encoding="utf-8-sig", max_errors=None):
    """Read CSV from a path, bytes or a text stream; the delimiter (, ; or tab) is sniffed."""
    if isinstance(source, str | Path):
        text = Path(source).read_bytes()
    elif isinstance(source, bytes):
        text = source
    else:
        text = source.read()
    if isinstance(text, bytes):
        reason = not_text_reason(text)
        if reason:
            return TableResult([], [CellError(HEADER_ROW, "", reason)])
        try:
            text = text.decode(encoding)
        except UnicodeDecodeError as error:
            # Spreadsheets often save "CSV" in a Windows code page: say where and what to do.
            row = text[: error.start].count(b"\n") + 1
            reason = _('the file is not UTF-8 text; save it as "CSV UTF-8"')
            return TableResult([], [CellError(row, "", reason)])
    if not text.strip():
        return TableResult([], [CellError(HEADER_ROW, "", _("the file is empty"))])
    first_line = text.splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, body = records[0], records[1:]
    return validate_rows(
        schema,
        header,
        ((HEADER_ROW + index, row) for index, row in enumerate(body, start=1)),
        max_errors=max_errors,
    )


def read_xlsx(source, schema, *, sheet=None, max_errors=None):
    """Read the first (or the named) sheet of an XLSX workbook from a path or binary stream."""
    if isinstance(source, str | Path):
        # openpyxl judges a path by its extension; the content says what the file is.
        source = Path(source).read_bytes()
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is not XLSX
        return TableResult(
            [], [CellError(HEADER_ROW, "", _("not an XLSX workbook: %(error)s") % {"error": error})]
        )
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            return TableResult(
                [], [CellError(HEADER_ROW, "", _("no sheet named %(sheet)r") % {"sheet": sheet})]
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return TableResult([], [CellError(HEADER_ROW, "", _("the sheet is empty"))])
        body = ((HEADER_ROW + index, list(row)) for index, row in enumerate(rows, start=1))
        return validate_rows(schema, list(header), body, max_errors=max_errors)
    finally:
        workbook.close()


def read_table(path, schema, *, format=None, **options):
    """Read a .csv or .xlsx file, chosen by its name unless `format` ("csv", "xlsx") says."""
    suffix = f".{format}" if format else Path(path).suffix.casefold()
    if suffix == ".csv":
        return read_csv(path, schema, **options)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, schema, **options)
    raise ValueError(
        _("%(file)s: only .csv and .xlsx files can be read") % {"file": Path(path).name}
    )
