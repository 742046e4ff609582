"""The same project recorded twice is found - under codes written differently, from two
sources, in two languages - and two different projects of one funder in one country are not.
"""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from assistance.duplicates import Candidate, code_key, compare, text_similarity
from assistance.imports.services.listing import import_listing
from assistance.models import Project
from assistance.reports import coverage
from cms.core.models import Country

pytestmark = pytest.mark.django_db

LISTING = """Current Projects

RAF/21/004: Marking and record-keeping of small arms in Western Africa

Objective/Purpose of Project: Mark State-held small arms and keep their records.
Time Frame: January 2021 - December 2022
Funding: Germany
Focus Countries: Ghana, Togo

GHA/21/001: Marking of police weapons in Ghana

Objective/Purpose of Project: Mark the weapons of the Ghana Police Service.
Time Frame: January 2021 - December 2022
Funding: Germany
Focus Countries: Ghana

GHA/21/002: Destruction of surplus ammunition stockpiles

Objective/Purpose of Project: Destroy surplus ammunition identified by the national commission.
Time Frame: March 2021 - June 2022
Funding: Germany
Focus Countries: Ghana

RAF/21/04: Marking and record keeping of small arms in Western Africa.

Objective/Purpose of Project: Marking of State-held small arms and record-keeping.
Time Frame: January 2021 - December 2022
Funding: Germany
Focus Countries: Ghana, Togo
"""


def candidate(code, title, countries=("GH",), funder="germany", **fields):
    return Candidate(
        key=code,
        code=code,
        titles=(title,) if isinstance(title, str) else tuple(title),
        countries=frozenset(countries),
        funders=frozenset({funder}),
        start=fields.pop("start", date(2021, 1, 1)),
        end=fields.pop("end", date(2022, 12, 31)),
        **fields,
    )


def test_codes_written_differently_are_one_code():
    assert code_key("UNSCAR-2021/04") == code_key("unscar 2021-4") == "UNSCAR-2021-4"
    assert code_key("UNSCAR-2021/04") != code_key("UNSCAR-2021/05")


def test_the_same_project_under_two_codes_is_found_with_the_reason():
    first = candidate("UNSCAR-2021/04", "Marking and record-keeping of small arms in Ghana")
    second = candidate("unscar 2021-4", "Marking and record keeping of small arms, Ghana")
    duplicate = compare(first, second)
    assert duplicate is not None
    assert "are the same once normalised" in duplicate.reason
    assert "titles" in duplicate.reason and "same country: GH" in duplicate.reason


def test_the_same_project_from_two_sources_in_two_languages_is_found():
    english = candidate("P-17", "Marking of small arms held by the police", funder="germany")
    french = candidate(
        "DE-1-2021-33",
        ["Marquage des armes légères de la police", "Marking of small arms held by the police"],
        funder="germany",
    )
    assert compare(english, french) is not None
    assert text_similarity("Gestión de arsenales", "gestion de ARSENALES.") == 1.0


def test_two_projects_of_one_funder_in_one_country_are_not_the_same():
    marking = candidate("GHA/21/001", "Marking of police weapons in Ghana")
    destruction = candidate("GHA/21/002", "Destruction of surplus ammunition stockpiles")
    assert compare(marking, destruction) is None
    # Alike titles, but other countries, another period or another edition: not the same.
    assert compare(marking, candidate("X-1", "Marking of police weapons", countries=["TG"])) is None
    later = candidate("X-2", marking.titles[0], start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert compare(marking, later) is None
    seventh = candidate("GLO/12/X02", "7th Internet Governance Forum", countries=())
    eighth = candidate("GLO/13/X01", "8th Internet Governance Forum", countries=())
    assert compare(seventh, eighth) is None


def test_an_imported_listing_warns_of_the_project_listed_twice_and_only_of_it(demo_site):
    with translation.override("en"):
        summary = import_listing(LISTING)
    assert len(summary.created) == 4
    warnings = [str(warning) for warning in summary.warnings if "looks like" in str(warning)]
    assert len(warnings) == 1, warnings
    [warning] = warnings
    assert "this looks like RAF/21/004 (line 3)" in warning
    assert "the codes RAF/21/004 and RAF/21/04 are the same once normalised" in warning
    assert "titles" in warning and "same funder" in warning
    assert "GHA/21/00" not in warning


def test_a_table_row_like_a_recorded_project_is_warned_about(tmp_path, capsys, demo_site):
    Project.objects.create(
        code="UNSCAR-2021/04",
        title="Marking and record-keeping of small arms in Ghana",
        funding_source="UNSCAR",
        start_date=date(2021, 3, 1),
        end_date=date(2022, 2, 28),
        amount=150_000,
    ).focus_countries.set([Country.objects.by_code("GH")])
    table = tmp_path / "projects.csv"
    table.write_text(
        "code,title,start_date,end_date,funding_source,focus_countries,status\n"
        "unscar 2021-4,Marking and record keeping of small arms in Ghana,2021-03-01,"
        "2022-02-28,UNSCAR,Ghana,ongoing\n"
        "UNSCAR-2021/07,Destruction of surplus ammunition in Ghana,2021-03-01,"
        "2022-02-28,UNSCAR,Ghana,ongoing\n",
        encoding="utf-8",
    )
    with translation.override("en"):
        call_command("import_assistance", "projects", str(table))
    out = capsys.readouterr().out
    assert "row 2: this looks like project UNSCAR-2021/04, already recorded" in out
    assert "UNSCAR-2021/07" not in out.split("this looks like")[-1]
    assert out.count("this looks like") == 1


def test_the_coverage_report_shows_the_pair_and_the_reason(demo_site):
    with translation.override("en"):
        import_listing(LISTING)
        report = coverage.build(coverage.counted_needs(None).none(), "en")
    same = [item for item in report["duplication"] if item["kind"] == "same_project"]
    assert [item["projects"] for item in same] == [["RAF/21/004", "RAF/21/04"]]
    assert "RAF/21/04 looks like RAF/21/004" in same[0]["description"]
    assert "same once normalised" in same[0]["reason"]
