"""The project listing of UN DESA's public institutions division, read record by record."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from assistance.imports.project_listing import parse_project_listing
from assistance.imports.records import ParseProblem, ProjectStatus, Severity

LISTING = Path(__file__).parent / "data" / "desa_project_listing.txt"


@pytest.fixture(scope="module")
def listing_text():
    return LISTING.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result(listing_text):
    return parse_project_listing(listing_text, implementing_organisation="UN DESA")


@pytest.fixture(scope="module")
def by_code(result):
    return {record.code: record for record in result.records}


def corrupted(listing_text, line_number, old, new):
    lines = listing_text.splitlines()
    assert old in lines[line_number - 1], "the test edits a line that is not there"
    lines[line_number - 1] = lines[line_number - 1].replace(old, new)
    return parse_project_listing("\n".join(lines))


def test_every_project_in_the_listing_is_read_in_order(result):
    assert [record.code for record in result.records] == [
        "INT13001",
        "INT14X26",
        "PAN15X01",
        "UAE13X01",
        "INT14X27",
        "RAF08X01",
        "TOG09002",
        "INT/13/001",
        "QAT13X01",
        "GLO/13/X01",
        "GLO/12/X02",
        "GLO/11/X02",
    ]
    assert [record.line for record in result.records] == [
        12, 33, 56, 60, 86, 113, 133, 169, 194, 231, 245, 258,
    ]  # fmt: skip


def test_the_listing_has_no_unreadable_value(result):
    assert result.errors == []


def test_what_needs_a_look_is_reported_not_guessed(result):
    assert result.warnings == [
        ParseProblem(
            56,
            "PAN15X01",
            "summary",
            "the record has no labelled fields; its text is kept as the summary",
            Severity.WARNING,
        ),
        ParseProblem(
            169,
            "INT/13/001",
            "code",
            "same project code as INT13001 on line 12; imported as a separate record",
            Severity.WARNING,
        ),
        *(
            ParseProblem(
                line,
                code,
                "partners",
                "partners are described in sentences, not listed; "
                "the text is kept in partners_text and the list left empty",
                Severity.WARNING,
            )
            for line, code in ((239, "GLO/13/X01"), (252, "GLO/12/X02"), (266, "GLO/11/X02"))
        ),
    ]


def test_centre_for_innovation(by_code):
    record = by_code["INT13001"]
    assert record.title == "Centre for Innovation on e-Government Development"
    assert record.expectations.startswith(
        "The project aims at the establishment of a Regional centre for e-Government innovation"
    )
    assert record.expectations.endswith("will extended until 2014 and beyond.")
    # The web page's broken "<br />" is a line break, not text.
    assert "br />" not in record.objective
    assert "Bangladesh, Nepal, Panama, and Uruguay.\nIn partnership" in record.objective
    assert record.objective.endswith("in regions most in need of such support.")
    assert (record.start_date, record.end_date) == (date(2013, 9, 1), date(2015, 11, 30))
    assert record.time_frame_text == "September 2013 - November 2015"
    assert record.funding_source == "Development Account (DA)"
    assert record.funding_country is None
    assert (record.budget_amount, record.budget_currency) == (Decimal("164189"), "USD")
    assert record.budget_usd == Decimal("164189")
    assert record.implementing_organisation == "UN DESA"
    assert record.implementing_division == "DPIDG"
    # "Developing Countries" is a group, not a country list to invent.
    assert record.focus_countries == []
    assert record.focus_groups == ["DEVELOPING"]
    assert record.status == ProjectStatus.COMPLETED
    assert record.comment == (
        "The project was concluded and became sustainable as an institutional part of the "
        "Government of Colombia."
    )


def test_emirates_id_authority(by_code):
    record = by_code["UAE13X01"]
    assert record.objective.startswith("Objective to be achieved through set of advisory")
    assert record.expectations == (
        "EIDA will be a main player in open government data in the U.A.E. and will leverage "
        "its wealth of data to develop future online tools and services."
    )
    assert record.outputs.splitlines() == [
        "- Two books to be published: enhancing capacity on e-government and Smart Government",
        "- Emirates ID Authority to have a corporate strategy on Open data and Social Media",
        "- Emirates ID Authority to implement a marketing plan promoting its services and "
        "online tools",
        "- Delivery of Open Data Forum",
    ]
    assert record.accomplishments.startswith("National Workshop was delivered")
    # An en dash between the months.
    assert (record.start_date, record.end_date) == (date(2013, 9, 1), date(2014, 9, 30))
    assert record.funding_source == "United Arab Emirates"
    assert record.funding_country == "AE"
    assert record.budget_usd == Decimal("175000")
    assert record.focus_countries == ["AE"]
    assert record.comment == "project concluded"


def test_public_service_day_serves_every_member_state(by_code):
    record = by_code["INT14X27"]
    assert record.title == "United Nations Public Service Day 2015, Colombia"
    assert record.budget_text == "US$ 605,153.00"
    assert record.budget_usd == Decimal("605153")
    assert record.funding_country == "CO"
    assert record.focus_global is True
    assert record.focus_countries == []
    # "Feedback" is a sub-heading of the accomplishments, not a field of its own.
    assert "Feedback\n\nThe event drew over 937 participants" in record.accomplishments
    assert record.outputs.startswith("- 22 public organizations from 18 countries")


def test_africa_is_a_region_not_a_country(by_code):
    record = by_code["RAF08X01"]
    assert record.focus_regions == ["002"]
    assert record.focus_countries == []
    assert record.budget_usd == Decimal("6144831")
    assert (record.start_date, record.end_date) == (date(2005, 5, 1), date(2013, 6, 30))
    assert record.accomplishments.count("\n- ") == 3


def test_togo_reform_project(by_code):
    record = by_code["TOG09002"]
    assert record.title == (
        "Projet d’appui à la réforme et à la modernisation de l’Administration publique "
        "(Support to Public Sector Reform and Modernization Project)"
    )
    assert record.objective.splitlines()[0] == "i) Coordination of governmental work"
    assert len(record.objective.splitlines()) == 8
    assert record.focus_countries == ["TG"]
    assert record.funding_source == "XBTC"
    assert record.budget_usd == Decimal("351818")
    assert (record.start_date, record.end_date) == (date(2009, 1, 1), date(2010, 12, 31))


def test_partners_listed_with_slashes(by_code):
    record = by_code["INT/13/001"]
    assert record.normalised_code == "INT13001"
    assert record.partners == [
        "UNDESA",
        "Colombian Ministry of Information Technologies and Communications (MINTIC)",
        "UNDP-Colombia",
    ]
    assert record.accomplishments.startswith("Updates on Colombia Project (INT/001/13)\n1. Event")
    assert record.implementing_division == "EGB"
    assert record.focus_countries == []
    assert record.comment == ""


def test_sub_headings_stay_in_their_field(by_code):
    record = by_code["QAT13X01"]
    assert "Indicators of achievement (IA):" in record.expectations
    assert "Activity 1.1: The “Government ICT Market Research 2012” project" in record.expectations
    assert record.partners == [
        "Supreme Council of Information and Communication Technology (ictQATAR)"
    ]
    assert (record.start_date, record.end_date) == (date(2013, 1, 1), date(2013, 4, 30))
    assert record.budget_usd == Decimal("16950")


def test_partners_in_prose_are_kept_as_text(by_code):
    record = by_code["GLO/11/X02"]
    assert record.partners == []
    assert record.partners_text.startswith("The IGF cooperates with all stakeholders")
    assert record.title == "6th Internet Governance Forum, Nairobi, Kenya (6th IGF)"
    assert record.budget_usd == Decimal("671989")
    assert (record.start_date, record.end_date) == (date(2011, 9, 1), date(2012, 7, 31))


def test_a_record_without_fields_keeps_its_text(by_code):
    record = by_code["PAN15X01"]
    assert record.summary.startswith("Summary to be Added as a concluded project.")
    assert record.start_date is None
    assert record.budget_amount is None
    assert record.focus_countries == []


def test_a_corrupted_budget_is_reported_at_its_line(listing_text):
    result = corrupted(listing_text, 81, "US$ 175,000", "US$ 175,0O0")
    assert result.errors == [
        ParseProblem(
            81,
            "UAE13X01",
            "budget_text",
            "'US$ 175,0O0' is not an amount such as 'US$ 1,234,567'",
        )
    ]
    record = next(record for record in result.records if record.code == "UAE13X01")
    assert record.budget_amount is None and record.budget_usd is None
    assert record.budget_text == "US$ 175,0O0"
    assert len(result.records) == 12


def test_a_misspelt_country_is_reported_not_approximated(listing_text):
    result = corrupted(listing_text, 53, "Kazakhstan", "Kazakstan, Uzbekistan")
    assert [(p.line, p.code, p.field, p.reason) for p in result.errors] == [
        (53, "INT14X26", "focus_text", "unknown country or region 'Kazakstan'")
    ]
    record = result.records[1]
    assert record.focus_countries == ["UZ"]


def test_a_time_frame_that_ends_before_it_starts(listing_text):
    result = corrupted(listing_text, 126, "May 2005 - June 2013", "May 2015 - June 2013")
    assert [(p.line, p.code, p.field) for p in result.errors] == [
        (126, "RAF08X01", "time_frame_text")
    ]
    assert "ends before it starts" in result.errors[0].reason
    assert result.records[5].start_date is None


def test_a_dollar_without_country_is_refused(listing_text):
    result = corrupted(listing_text, 164, "US$351,818", "$351,818")
    assert [(p.line, p.code, p.field) for p in result.errors] == [(164, "TOG09002", "budget_text")]


def test_budgets_in_other_currencies_need_a_rate():
    text = "Current Projects\n\nABC24X01: Marking kits\n\nBudget: EUR 1.2 million\n"
    without_rate = parse_project_listing(text)
    assert without_rate.records[0].budget_amount == Decimal("1200000")
    assert without_rate.records[0].budget_currency == "EUR"
    assert without_rate.records[0].budget_usd is None
    assert [(p.line, p.field) for p in without_rate.errors] == [(5, "budget_usd")]

    with_rate = parse_project_listing(text, exchange_rates={"EUR": Decimal("1.08")})
    assert with_rate.errors == []
    assert with_rate.records[0].budget_usd == Decimal("1296000.00")
    assert with_rate.records[0].status == ProjectStatus.ONGOING


def test_un_names_of_countries_and_regions():
    text = (
        "XYZ20X01: Stockpile management\n"
        "Focus Countries: Bolivia (Plurinational State of), Côte d'Ivoire and Trinidad and "
        "Tobago; Latin America and the Caribbean; Small Island Developing States\n"
        "Status: ongoing\n"
    )
    record = parse_project_listing(text).records[0]
    assert record.focus_countries == ["BO", "CI", "TT"]
    assert record.focus_regions == ["419"]
    assert record.focus_groups == ["SIDS"]
    assert record.status == ProjectStatus.ONGOING


def test_an_ambiguous_name_is_reported():
    result = parse_project_listing("XYZ20X01: Outreach\nFocus Countries: Micronesia\n")
    assert result.records[0].focus_countries == []
    assert result.records[0].focus_regions == []
    assert [(p.line, p.field) for p in result.errors] == [(2, "focus_text")]
    assert "country:FM" in result.errors[0].reason
    assert "region:057" in result.errors[0].reason


def test_text_out_of_place_after_a_one_line_field_is_reported():
    result = parse_project_listing(
        "XYZ20X01: Outreach\nProposed Budget: USD 10,000\nplus in-kind support\n"
    )
    assert result.records[0].budget_usd == Decimal("10000")
    assert [(p.line, p.field) for p in result.errors] == [(3, "summary")]


def test_a_one_line_value_may_sit_under_its_label():
    result = parse_project_listing(
        "XYZ20X01: Outreach\nFocus Countries:\n\nGhana, Togo\nTime Frame:\nMay 2020 - May 2021\n"
    )
    assert result.problems == []
    assert result.records[0].focus_countries == ["GH", "TG"]
    assert result.records[0].end_date == date(2021, 5, 31)


def test_a_value_under_its_label_is_reported_at_its_own_line():
    result = parse_project_listing("XYZ20X01: Outreach\nProposed Budget:\nabout 10,000\n")
    assert [(p.line, p.field) for p in result.errors] == [(3, "budget_text")]


def test_lines_are_counted_as_an_editor_counts_them():
    text = "XYZ20X01: Outreach\r\nObjective: one\x0cpage\u2028break\r\nProposed Budget: USD 1O\n"
    result = parse_project_listing(text)
    assert result.records[0].objective == "one\x0cpage\u2028break"
    assert [(p.line, p.field) for p in result.errors] == [(3, "budget_text")]
