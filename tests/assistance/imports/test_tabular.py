"""CSV and XLSX tables checked cell by cell against a declared schema."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from assistance.imports.project_table import read_project_table
from assistance.imports.records import CellError, ProjectStatus
from assistance.imports.tabular import (
    Boolean,
    Choice,
    Column,
    Country,
    Currency,
    Date,
    Integer,
    ListOf,
    Money,
    Number,
    Schema,
    Text,
    read_csv,
    read_table,
    read_xlsx,
)
from assistance.imports.values import Money as Amount


def dates_in_order(values):
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        yield "end_date", "ends before the start date"


NEEDS = Schema(
    columns=(
        Column("code", Text(max_length=12), required=True, unique=True),
        Column("title", Text(), required=True),
        Column("country", Country(), required=True, aliases=("requesting state",)),
        Column("status", Choice(("draft", "submitted", "validated")), default="draft"),
        Column("budget", Money(default_currency="USD")),
        Column("priority", Integer(minimum=1, maximum=3)),
        Column("iti", Boolean(), default=False),
        Column("start_date", Date()),
        Column("end_date", Date()),
        Column("neighbours", ListOf(Country())),
    ),
    row_checks=(dates_in_order,),
)

HEADER = [
    "Code",
    "Title",
    "Requesting State",
    "Status",
    "Budget",
    "Priority",
    "ITI",
    "Start date",
    "End date",
    "Neighbours",
]
GOOD_ROWS = [
    [
        "N-001",
        "Marking machines for the national police",
        "Bolivia (Plurinational State of)",
        "submitted",
        "US$ 120,000",
        "1",
        "yes",
        "2026-01-01",
        "2026-12-31",
        "PE; BR",
    ],
    ["N-002", "Record-keeping software", "TGO", "", "EUR 45,500", "", "", "", "", ""],
]


def write_csv(path, rows, delimiter=","):
    import csv

    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path, rows, sheet="Needs"):
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def test_valid_csv_rows_become_typed_values(tmp_path):
    result = read_table(write_csv(tmp_path / "needs.csv", [HEADER, *GOOD_ROWS]), NEEDS)
    assert result.errors == []
    first, second = result.rows
    assert first.number == 2
    assert first.values == {
        "code": "N-001",
        "title": "Marking machines for the national police",
        "country": "BO",
        "status": "submitted",
        "budget": Amount(Decimal("120000"), "USD"),
        "priority": 1,
        "iti": True,
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "neighbours": ["PE", "BR"],
    }
    assert second.number == 3
    assert second.values["country"] == "TG"
    assert second.values["status"] == "draft"
    assert second.values["iti"] is False
    assert second.values["budget"] == Amount(Decimal("45500"), "EUR")
    assert second.values["neighbours"] is None


def test_semicolon_separated_csv_from_a_french_spreadsheet(tmp_path):
    path = write_csv(tmp_path / "needs.csv", [HEADER, *GOOD_ROWS], delimiter=";")
    result = read_csv(path, NEEDS)
    assert result.ok
    assert [row.values["code"] for row in result.rows] == ["N-001", "N-002"]


def test_every_bad_row_is_reported_and_no_row_is_returned(tmp_path):
    rows = [
        HEADER,
        GOOD_ROWS[0],
        ["N-003", "", "Atlantis", "approved", "$ 5,000", "4", "maybe", "2026-13-01", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],  # a blank row is skipped
        ["n-001", "Same code again", "FR", "", "", "", "", "2026-06-01", "2026-01-01", "XX"],
        GOOD_ROWS[1],
    ]
    result = read_csv(write_csv(tmp_path / "needs.csv", rows), NEEDS)
    assert result.rows == []
    assert [(error.row, error.column) for error in result.errors] == [
        (3, "title"),
        (3, "country"),
        (3, "status"),
        (3, "budget"),
        (3, "priority"),
        (3, "iti"),
        (3, "start_date"),
        (5, "code"),
        (5, "neighbours"),
    ]
    reasons = {(error.row, error.column): error.reason for error in result.errors}
    assert reasons[(3, "title")] == "a value is required"
    assert reasons[(3, "country")] == "unknown country or region 'Atlantis'"
    assert reasons[(3, "status")] == "'approved' is not one of: draft, submitted, validated"
    assert "'$' alone" in reasons[(3, "budget")]
    assert reasons[(3, "priority")] == "4 is above the maximum 3"
    assert reasons[(3, "iti")] == "'maybe' is not yes or no"
    assert reasons[(5, "code")] == "the same value as row 2"
    assert reasons[(5, "neighbours")] == "unknown country or region 'XX'"


def test_a_row_check_runs_once_the_cells_are_valid(tmp_path):
    rows = [HEADER, ["N-009", "Training", "Chad", "", "", "", "", "2026-06-01", "2026-01-31", ""]]
    result = read_csv(write_csv(tmp_path / "needs.csv", rows), NEEDS)
    assert result.errors == [CellError(2, "end_date", "ends before the start date")]


def test_header_problems_are_reported_on_row_one(tmp_path):
    rows = [["Code", "Title", "Colour", "Code"], ["N-1", "x", "blue", "N-1"]]
    result = read_csv(write_csv(tmp_path / "needs.csv", rows), NEEDS)
    assert result.errors == [
        CellError(1, "Colour", "unknown column"),
        CellError(1, "code", "the column appears twice"),
        CellError(1, "country", "required column is missing"),
    ]


def test_xlsx_cells_keep_their_spreadsheet_types(tmp_path):
    rows = [
        HEADER,
        [
            "N-001",
            "Marking machines",
            "Côte d’Ivoire",
            "Validated",
            120000,
            2,
            True,
            datetime(2026, 3, 1),
            date(2027, 2, 28),
            "Ghana; Liberia",
        ],
    ]
    result = read_xlsx(write_xlsx(tmp_path / "needs.xlsx", rows), NEEDS)
    assert result.errors == []
    values = result.rows[0].values
    assert values["country"] == "CI"
    assert values["status"] == "validated"
    assert values["budget"] == Amount(Decimal("120000"), "USD")
    assert values["priority"] == 2
    assert values["iti"] is True
    assert (values["start_date"], values["end_date"]) == (date(2026, 3, 1), date(2027, 2, 28))
    assert values["neighbours"] == ["GH", "LR"]


def test_xlsx_errors_name_the_sheet_row_and_column(tmp_path):
    rows = [
        HEADER,
        GOOD_ROWS[0],
        GOOD_ROWS[1],
        ["N-004", "Storage", "Micronesia", "", 1.5, 2.5, "", "03/04/2026", "", ""],
    ]
    result = read_table(write_xlsx(tmp_path / "needs.xlsx", rows), NEEDS)
    assert result.rows == []
    assert [(error.row, error.column) for error in result.errors] == [
        (4, "country"),
        (4, "priority"),
        (4, "start_date"),
    ]
    reasons = [error.reason for error in result.errors]
    assert "could be any of country:FM, region:057" in reasons[0]
    assert reasons[1] == "'2.5' is not a whole number"
    assert reasons[2] == "'03/04/2026' is ambiguous; write it as YYYY-MM-DD"


def test_a_named_sheet_must_exist(tmp_path):
    path = write_xlsx(tmp_path / "needs.xlsx", [HEADER, *GOOD_ROWS])
    assert read_xlsx(path, NEEDS, sheet="Needs").ok
    assert read_xlsx(path, NEEDS, sheet="Resources").errors == [
        CellError(1, "", "no sheet named 'Resources'")
    ]


def test_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "needs.xlsx"
    path.write_text("code,title\n")
    [error] = read_xlsx(path, NEEDS).errors
    assert error.row == 1 and error.reason.startswith("not an XLSX workbook")


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match="only .csv and .xlsx"):
        read_table(tmp_path / "needs.ods", NEEDS)


def test_numbers_and_currencies():
    assert Number(minimum=0).parse("1,250.50") == Decimal("1250.50")
    with pytest.raises(ValueError, match="use '.' for decimals"):
        Number().parse("1,5")
    with pytest.raises(ValueError, match="below the minimum 0"):
        Number(minimum=0).parse("-3")
    assert Currency().parse("chf") == "CHF"
    with pytest.raises(ValueError, match="not an ISO 4217"):
        Currency().parse("DOLLARS")
    with pytest.raises(ValueError, match="names no currency"):
        Money().parse("25000")
    assert Money().parse("CHF 1.5 million") == Amount(Decimal("1500000"), "CHF")
    with pytest.raises(ValueError, match="is a region, not a country"):
        Country().parse("Western Africa")


def test_projects_from_a_spreadsheet(tmp_path):
    rows = [
        ["Code", "Title", "Start", "End", "Funding", "Budget", "Countries", "Regions", "Status"],
        [
            "UNSCAR-2025-04",
            "Stockpile management in West Africa",
            date(2025, 3, 1),
            date(2026, 8, 31),
            "UNSCAR",
            "USD 180,000",
            "Ghana; Togo",
            "011",
            "ongoing",
        ],
        ["P-2", "Marking", "", "", "", "EUR 90,000", "", "Western Africa", "planned"],
    ]
    path = write_xlsx(tmp_path / "projects.xlsx", rows)
    records, errors = read_project_table(path, exchange_rates={"EUR": Decimal("1.10")})
    assert errors == []
    first, second = records
    assert (first.code, first.line) == ("UNSCAR-2025-04", 2)
    assert (first.start_date, first.end_date) == (date(2025, 3, 1), date(2026, 8, 31))
    assert first.budget_usd == Decimal("180000")
    assert first.focus_countries == ["GH", "TG"]
    assert first.focus_regions == ["011"]
    assert first.status == ProjectStatus.ONGOING
    assert second.budget_usd == Decimal("99000.00")
    assert second.focus_regions == ["011"]
    assert second.focus_countries == [] and first.focus_countries == ["GH", "TG"]

    records, errors = read_project_table(path)
    assert records == []
    assert errors == [CellError(3, "budget", "no exchange rate for EUR was given")]


def test_a_project_row_with_a_country_for_a_region(tmp_path):
    rows = [["code", "title", "regions", "status"], ["P-1", "Survey", "Ghana", "done"]]
    records, errors = read_project_table(write_csv(tmp_path / "projects.csv", rows))
    assert records == []
    assert errors == [
        CellError(2, "focus_regions", "'Ghana' is not a UN M49 region"),
        CellError(
            2, "status", "'done' is not one of: planned, ongoing, completed, cancelled, suspended"
        ),
    ]


def test_a_csv_saved_in_a_windows_code_page_is_reported(tmp_path):
    path = tmp_path / "needs.csv"
    path.write_bytes(
        "code,title,country\nN-1,Marking,Chad\nN-2,Stockpiles,Côte d'Ivoire\n".encode("cp1252")
    )
    assert read_csv(path, NEEDS).errors == [
        CellError(3, "", 'the file is not UTF-8 text; save it as "CSV UTF-8"')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "reference,title\nA-1,Café\n".encode("cp1252"),
        "reference,title\nA-1,Café\n".encode("utf-16"),
        "reference,title\nA-1,Caf\u00e9 \u4e2d\u6587\n".encode(),
    ],
)
def test_text_in_any_encoding_is_not_taken_for_a_binary_file(text):
    from assistance.imports.files import binary_kind

    assert binary_kind(text) is None


def test_a_nul_character_in_a_header_or_a_cell_is_an_error_not_a_crash():
    schema = Schema(columns=(Column("code", Text(), required=True), Column("title", Text())))
    result = read_csv(b"code,title\nA,B\x00C\nD,E\n", schema)
    assert result.errors == [CellError(2, "title", "contains a NUL character")]
    header = read_csv(b"code,ti\x00tle\nA,B\n", schema)
    assert CellError(1, "ti\\x00tle", "contains a NUL character") in header.errors


def test_reading_stops_at_max_errors():
    schema = Schema(columns=(Column("n", Integer(), required=True),))
    result = read_csv(b"n\n" + b"x\n" * 1000, schema, max_errors=10)
    assert len(result.errors) == 10 and result.truncated
    assert not read_csv(b"n\n1\n2\n", schema, max_errors=10).truncated
