"""Projects in a CSV or XLSX table, one row per project, read into ProjectRecords.

The columns are those of ProjectRecord; lists (partners, countries, regions) are separated
by semicolons, and the budget is one cell such as "USD 250,000".
"""

from django.utils.translation import gettext as _

from assistance.models.iati_codes import DacSector

from .places import M49_REGIONS, CountryGroup, PlaceError, PlaceKind, resolve_place
from .records import CellError, ProjectRecord, ProjectStatus
from .tabular import (
    Boolean,
    Choice,
    Column,
    Country,
    Date,
    Kind,
    ListOf,
    Money,
    Schema,
    Text,
    read_table,
)


class Region(Kind):
    """A UN M49 region, by code ("002") or name ("Western Africa")."""

    description = "region"

    def parse(self, value):
        text = str(value).strip()
        if text.isdigit():
            if text.zfill(3) in M49_REGIONS:
                return text.zfill(3)
            raise ValueError(_("%(text)r is not a UN M49 region") % {"text": text})
        try:
            place = resolve_place(text)
        except PlaceError as error:
            raise ValueError(str(error)) from None
        if place.kind != PlaceKind.REGION:
            raise ValueError(_("%(text)r is not a UN M49 region") % {"text": text})
        return place.code


def _dates_in_order(values):
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        yield "end_date", _("ends before the start date")


PROJECT_SCHEMA = Schema(
    columns=(
        Column("code", Text(max_length=40), required=True, unique=True),
        Column("title", Text(max_length=500), required=True),
        Column("expectations", Text()),
        Column("objective", Text()),
        Column("accomplishments", Text()),
        Column("partners", ListOf(Text(max_length=255)), default=[]),
        Column("start_date", Date(), aliases=("start",)),
        Column("end_date", Date(), aliases=("end",)),
        Column("funding_source", Text(max_length=255), aliases=("funding",)),
        Column("budget", Money(default_currency="USD")),
        Column("implementing_organisation", Text(max_length=255)),
        Column("implementing_division", Text(max_length=255), aliases=("division",)),
        Column("focus_countries", ListOf(Country()), default=[], aliases=("countries",)),
        Column("focus_regions", ListOf(Region()), default=[], aliases=("regions",)),
        Column(
            "focus_groups",
            ListOf(Choice(tuple(group.value for group in CountryGroup))),
            default=[],
            aliases=("groups",),
        ),
        Column("focus_global", Boolean(), default=False, aliases=("global",)),
        Column("status", Choice(tuple(status.value for status in ProjectStatus)), required=True),
        Column("comment", Text()),
        Column("dac_sector", Choice(tuple(DacSector.values)), aliases=("sector",)),
    ),
    row_checks=(_dates_in_order,),
)


def record_from_row(row, exchange_rates=None):
    """Turn a validated row of PROJECT_SCHEMA into a ProjectRecord.

    Returns (record, reason); reason is set when the budget has no rate to US dollars.
    """
    values = dict(row.values)
    budget = values.pop("budget")
    record = ProjectRecord(
        line=row.number,
        **{name: value for name, value in values.items() if value is not None},
    )
    record.status = ProjectStatus(values["status"])
    record.partners = list(values["partners"] or [])
    if budget is None:
        return record, None
    record.budget_amount, record.budget_currency = budget.amount, budget.currency
    record.budget_text = f"{budget.currency} {budget.amount:,}"
    record.budget_usd = budget.in_usd(exchange_rates)
    if record.budget_usd is None:
        return record, _("no exchange rate for %(currency)s was given") % {
            "currency": budget.currency
        }
    return record, None


def read_project_rows(path, exchange_rates=None, **options):
    """(records of the rows without a bad cell, every bad cell, whether reading stopped at
    `max_errors`): for callers that check the valid rows further before refusing or
    accepting the whole file."""
    result = read_table(path, PROJECT_SCHEMA, **options)
    records, errors = [], list(result.errors)
    for row in result.valid_rows:
        record, reason = record_from_row(row, exchange_rates)
        if reason:
            errors.append(CellError(row.number, "budget", reason))
        else:
            records.append(record)
    return records, errors, result.truncated


def read_project_table(path, exchange_rates=None, **options):
    """Read projects from a .csv or .xlsx file: (records, errors), all or nothing.

    `options` go to `read_table` (`format`, `sheet`, `max_errors`...)."""
    records, errors, _truncated = read_project_rows(path, exchange_rates, **options)
    return ([], errors) if errors else (records, [])
