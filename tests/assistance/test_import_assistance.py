"""`manage.py import_assistance`: needs, resources and projects from CSV and XLSX tables."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from assistance.currency import to_usd
from assistance.models import Match, Need, Project, Resource, StatusChange
from cms.outbox.models import OutboxMessage

from .conftest import committed, make_resource

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).parents[2] / "assistance" / "imports" / "examples"


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def example_rows(name):
    with (EXAMPLES / f"{name}.csv").open(encoding="utf-8") as stream:
        return list(csv.reader(stream))


def test_the_example_needs_import_through_their_lifecycle(capsys, secretariat):
    before = Need.objects.count()
    call_command("import_assistance", "needs", str(EXAMPLES / "needs.csv"), "--user", "secretariat")
    assert "2 needs were created, 0 were updated." in capsys.readouterr().out
    assert Need.objects.count() == before + 2

    marking = Need.objects.get(reference="SL-2027-01")
    assert marking.country.code == "SL"  # "Sierra Leone" became its ISO code
    assert sorted(marking.themes.values_list("code", flat=True)) == ["marking", "record-keeping"]
    assert marking.amount_usd == Decimal("120000.00")
    assert marking.concerns_iti and marking.priority == 3
    assert marking.created_by == secretariat
    assert marking.consent_to_publish and marking.consent_given_by == secretariat
    # Created as a draft and taken step by step to the status the table gives.
    steps = [(c.from_status, c.to_status) for c in marking.history.all()]
    assert steps == [("draft", "submitted"), ("submitted", "validated")]
    assert all("needs.csv, row 2" in c.note for c in marking.history.all())

    destruction = Need.objects.get(reference="TG-2027-02")
    assert destruction.country.code == "TG" and destruction.applicant.code == "unrec"
    assert destruction.status == "draft" and not destruction.history.exists()
    assert destruction.currency == "EUR"
    assert destruction.amount_usd == to_usd(Decimal(90000), "EUR") != Decimal(90000)


def test_importing_the_same_table_twice_updates_instead_of_duplicating(capsys, tmp_path):
    call_command("import_assistance", "needs", str(EXAMPLES / "needs.csv"))
    rows = example_rows("needs")
    rows[1][rows[0].index("amount")] = "150000"
    rows[1][rows[0].index("status")] = "published"
    changed = write_csv(tmp_path / "needs.csv", rows)
    before = Need.objects.count()
    capsys.readouterr()

    call_command("import_assistance", "needs", str(changed))
    assert "0 needs were created, 2 were updated." in capsys.readouterr().out
    assert Need.objects.count() == before
    marking = Need.objects.get(reference="SL-2027-01")
    assert marking.amount == 150000 and marking.status == "published"
    assert [c.to_status for c in marking.history.all()] == ["submitted", "validated", "published"]


def test_imported_needs_are_matched_after_the_import_commits(eager_tasks):
    with committed():
        fund = make_resource(themes=["marking"], forms=["equipment"], cap=200_000)
    with committed():
        call_command("import_assistance", "needs", str(EXAMPLES / "needs.csv"))
        marking = Need.objects.get(reference="SL-2027-01")
        assert not Match.objects.filter(need=marking).exists()  # not before the commit
    assert Match.objects.filter(need=marking, resource_key=str(fund.pk)).exists()
    assert not OutboxMessage.objects.pending().filter(key=f"need:{marking.pk}").exists()
    # A draft is never matched.
    assert not Match.objects.filter(need__reference="TG-2027-02").exists()


def test_a_table_with_bad_rows_imports_nothing_and_names_every_problem(capsys, tmp_path):
    rows = example_rows("needs")
    header = rows[0]
    column = header.index
    bad = [list(rows[1]), list(rows[2]), list(rows[1]), list(rows[2])]
    bad[0][column("country")] = "Kazakstan"  # row 2: unknown country
    bad[0][column("themes")] = "marking;knitting"  # row 2: unknown theme
    bad[1][column("amount")] = "a lot"  # row 3
    bad[2][column("reference")] = "SL-2027-09"
    bad[2][column("status")] = "published"  # row 4: published without consent
    bad[2][column("consent_to_publish")] = "no"
    bad[3][column("reference")] = "TG-2027-09"
    bad[3][column("currency")] = "XYZ"  # row 5: not a currency
    bad[3][column("start_date")] = "03/04/2027"  # row 5: ambiguous date
    table = write_csv(tmp_path / "needs.csv", [header, *bad])
    before = (Need.objects.count(), StatusChange.objects.count())

    with pytest.raises(CommandError, match="6 problem\\(s\\); nothing was imported"):
        call_command("import_assistance", "needs", str(table))
    reported = capsys.readouterr().err
    for row, name in [
        (2, "country"),
        (2, "themes"),
        (3, "amount"),
        (4, "consent_to_publish"),
        (5, "currency"),
        (5, "start_date"),
    ]:
        assert f"row {row}, column {name}:" in reported
    assert "Kazakstan" in reported and "knitting" in reported
    assert (Need.objects.count(), StatusChange.objects.count()) == before


def test_a_model_rule_is_reported_on_its_row_and_column(capsys, tmp_path):
    rows = example_rows("resources")
    column = rows[0].index
    rows[2][column("grant_floor")] = "90000"  # above the cap of 50,000
    rows[1][column("rolling")] = "no"
    rows[1][column("call_closes")] = ""  # neither rolling nor a deadline
    table = write_csv(tmp_path / "resources.csv", rows)
    before = Resource.objects.count()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_assistance", "resources", str(table))
    reported = capsys.readouterr().err
    assert "row 2, column call_closes:" in reported
    assert "row 3, column grant_floor:" in reported
    assert Resource.objects.count() == before


def test_a_dry_run_checks_and_writes_nothing(capsys):
    before = Resource.objects.count()
    call_command("import_assistance", "resources", str(EXAMPLES / "resources.xlsx"), "--dry-run")
    assert "2 resources would be created" in capsys.readouterr().out
    assert Resource.objects.count() == before


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_example_resources_import_from_csv_and_xlsx(extension, capsys):
    call_command("import_assistance", "resources", str(EXAMPLES / f"resources.{extension}"))
    assert "2 resources were created" in capsys.readouterr().out
    fund = Resource.objects.get(reference="SAF-2027")
    assert fund.provider.code == "eu" and fund.status == "active"
    assert fund.grant_cap == 250000 and fund.currency == "EUR"
    assert fund.grant_cap_usd == to_usd(Decimal(250000), "EUR")
    assert list(fund.eligible_regions.values_list("code", flat=True)) == ["002"]
    assert sorted(fund.eligible_applicant_types.values_list("code", flat=True)) == [
        "ngo",
        "regional-organisation",
        "un-entity",
    ]
    assert str(fund.call_closes) == "2027-05-31" and not fund.rolling
    roster = Resource.objects.get(reference="ROSTER-LAC")
    assert roster.rolling and roster.kind == "roster"
    assert list(roster.eligible_regions.values_list("code", flat=True)) == ["419"]

    call_command("import_assistance", "resources", str(EXAMPLES / f"resources.{extension}"))
    assert "0 resources were created, 2 were updated" in capsys.readouterr().out


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_example_projects_import_with_countries_regions_and_dollars(extension, capsys):
    before = Project.objects.count()
    call_command("import_assistance", "projects", str(EXAMPLES / f"projects.{extension}"))
    assert "2 projects were created" in capsys.readouterr().out
    assert Project.objects.count() == before + 2
    regional = Project.objects.get(code="UNR/27/001")
    assert sorted(regional.focus_countries.values_list("code", flat=True)) == ["BJ", "GH", "TG"]
    assert list(regional.focus_regions.values_list("code", flat=True)) == ["011"]
    assert regional.implementing_organisation.code == "unrec"
    assert regional.amount == 450000 and regional.currency == "EUR"
    assert regional.amount_usd == to_usd(Decimal(450000), "EUR")
    assert regional.status == Project.Status.IMPLEMENTATION
    assert regional.partners == "ECOWAS\nUNREC"
    training = Project.objects.get(code="UNR/26/004")
    # Found by acronym; the division is kept beside it.
    assert training.implementing_organisation.code == "unoda"
    assert training.division == "Conventional Arms Branch"
    assert training.status == Project.Status.CLOSED and training.amount_usd == 120000

    call_command("import_assistance", "projects", str(EXAMPLES / f"projects.{extension}"))
    assert "0 projects were created, 2 were updated" in capsys.readouterr().out
    assert Project.objects.count() == before + 2


def xlsx(path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_an_xlsx_with_bad_cells_names_them_and_imports_nothing(capsys, tmp_path):
    header = ["code", "title", "status", "focus_countries", "budget", "implementing_org"]
    table = xlsx(tmp_path / "projects.xlsx", [header, ["X/1", "One", "ongoing", "KE", "", ""]])
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_assistance", "projects", str(table))
    assert "row 1, column implementing_org: unknown column" in capsys.readouterr().err

    header[-1] = "implementing_organisation"
    rows = [
        header,
        ["X/1", "One", "ongoing", "Kenya", "USD 10", "undp"],
        ["X/2", "Two", "finished", "Kenyaa", "a lot", "undp"],
        ["X/3", "Three", "planned", "", "", "nobody we know"],
    ]
    table = xlsx(tmp_path / "projects.xlsx", rows)
    before = Project.objects.count()
    with pytest.raises(CommandError, match="3 problem\\(s\\); nothing was imported"):
        call_command("import_assistance", "projects", str(table))
    reported = capsys.readouterr().err
    for expected in (
        "row 3, column status:",
        "row 3, column focus_countries:",
        "row 3, column budget:",
    ):
        assert expected in reported
    # What the database decides is checked once every cell reads.
    rows[2] = ["X/2", "Two", "completed", "Kenya", "USD 20", "undp"]
    table = xlsx(tmp_path / "projects.xlsx", rows)
    with pytest.raises(CommandError, match="1 problem\\(s\\); nothing was imported"):
        call_command("import_assistance", "projects", str(table))
    assert "row 4, column implementing_organisation:" in capsys.readouterr().err
    assert Project.objects.count() == before


def test_unknown_organisations_users_and_formats_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Unknown organisation 'nobody'"):
        call_command(
            "import_assistance", "needs", str(EXAMPLES / "needs.csv"), "--organisation", "nobody"
        )
    with pytest.raises(CommandError, match="Unknown user 'nobody'"):
        call_command("import_assistance", "needs", str(EXAMPLES / "needs.csv"), "--user", "nobody")
    text = tmp_path / "needs.txt"
    text.write_text("title\n")
    with pytest.raises(CommandError, match="give a .csv or .xlsx file"):
        call_command("import_assistance", "needs", str(text))


def test_the_format_option_reads_a_file_whatever_its_name(tmp_path, capsys):
    copy = tmp_path / "export.txt"
    copy.write_bytes((EXAMPLES / "needs.xlsx").read_bytes())
    call_command("import_assistance", "needs", str(copy), "--format", "xlsx", "--dry-run")
    assert "2 needs would be created" in capsys.readouterr().out


@pytest.mark.parametrize("territory", ["Greenland", "Taiwan", "HK", "Western Sahara"])
def test_a_need_for_a_territory_is_refused_on_its_row_and_column(capsys, tmp_path, territory):
    rows = example_rows("needs")
    column = rows[0].index
    rows[2][column("country")] = territory
    table = write_csv(tmp_path / "needs.csv", rows)
    before = Need.objects.count()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_assistance", "needs", str(table))
    reported = capsys.readouterr().err
    assert "row 3, column country:" in reported
    assert "is not a State that reports" in reported
    assert Need.objects.count() == before


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), "ZIP archive"),
        (bytes(range(256)) * 20, "binary data"),
    ],
)
def test_a_binary_file_given_as_csv_is_refused_by_name(tmp_path, content, kind):
    table = tmp_path / "needs.csv"
    table.write_bytes(content)
    before = Need.objects.count()
    with pytest.raises(CommandError, match=f"needs.csv: this is not a text file but .*{kind}"):
        call_command("import_assistance", "needs", str(table))
    assert Need.objects.count() == before


def test_a_nul_character_in_a_cell_is_named_by_row_and_column(capsys, tmp_path):
    rows = example_rows("needs")
    rows[2][rows[0].index("title")] = "Destruction\x00 of surplus"
    table = write_csv(tmp_path / "needs.csv", rows)
    before = Need.objects.count()
    with pytest.raises(CommandError, match="1 problem\\(s\\); nothing was imported"):
        call_command("import_assistance", "needs", str(table))
    assert "needs.csv: row 3, column title: contains a NUL character" in capsys.readouterr().err
    assert Need.objects.count() == before


def big_table(tmp_path, count, bad_rows):
    header, *examples = example_rows("needs")
    rows = []
    for number in range(count):
        row = list(examples[-1])
        row[header.index("reference")] = f"BIG-{number:05d}"
        if number in bad_rows:
            row[header.index("amount")] = "a lot"
        rows.append(row)
    return write_csv(tmp_path / "needs.csv", [header, *rows])


def test_a_big_table_with_a_bad_last_row_is_refused_before_any_database_check(
    tmp_path, capsys, django_assert_max_num_queries
):
    """Cells are read first over the whole table; the database is asked nothing per row."""
    table = big_table(tmp_path, 20_000, bad_rows={19_999})
    before = Need.objects.count()
    with django_assert_max_num_queries(10), pytest.raises(CommandError, match="1 problem"):
        call_command("import_assistance", "needs", str(table))
    assert "row 20001, column amount:" in capsys.readouterr().err
    assert Need.objects.count() == before


def test_checking_stops_at_the_first_hundred_problems(tmp_path, capsys):
    table = big_table(tmp_path, 5_000, bad_rows=set(range(5_000)))
    with pytest.raises(CommandError, match="checking stopped at the first 100 problems"):
        call_command("import_assistance", "needs", str(table))
    reported = capsys.readouterr().err.splitlines()
    assert len(reported) == 100
    assert reported[0].startswith("needs.csv: row 2, column amount:")
