"""The analysis counts what the published reports say: checked against counts made by hand."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cms.analysis.models import StateReport
from cms.core.models import Country

COORDINATION = "poa-ii-4-coordination-agency"
POINT_OF_CONTACT = "poa-ii-5-point-of-contact"
DESTROYED = "poa-ii-16-weapons-destroyed"
MARKING = "iti-8-marking-at-manufacture"
AFRICA, EUROPE = "002", "150"


@pytest.fixture
def reports(publish_report, django_capture_on_commit_callbacks):
    """Six States report for BMS9 and three for BMS10; Brazil's BMS9 report is still a draft."""
    publish_report("KE", "BMS9", {COORDINATION: "yes", POINT_OF_CONTACT: "yes", DESTROYED: 1200})
    publish_report("NG", "BMS9", {COORDINATION: "no", POINT_OF_CONTACT: "yes", DESTROYED: 300})
    publish_report("GH", "BMS9", {COORDINATION: "in_development"})
    germany = publish_report(
        "DE", "BMS9", {COORDINATION: "yes", POINT_OF_CONTACT: "yes", DESTROYED: 5000}
    )
    publish_report("FR", "BMS9", {COORDINATION: "yes", POINT_OF_CONTACT: "no"}, instrument="poa")
    publish_report("MX", "BMS9", {COORDINATION: "yes", MARKING: "yes"})
    publish_report("BR", "BMS9", {COORDINATION: "no", POINT_OF_CONTACT: "no"}, live=False)
    publish_report("KE", "BMS10", {COORDINATION: "yes", POINT_OF_CONTACT: "yes"})
    publish_report("NG", "BMS10", {COORDINATION: "yes", POINT_OF_CONTACT: "no"})
    publish_report("DE", "BMS10", {COORDINATION: "in_development"})
    # A change Germany saves for review, not published: the figures keep the published answers.
    germany.answers = {COORDINATION: {"value": "no"}}
    with django_capture_on_commit_callbacks(execute=True):
        germany.save_revision()


def figures(client, **params):
    response = client.get(reverse("analysis-answers"), params)
    assert response.status_code == 200, response.content
    return response.json()


def statuses(tally):
    return {status: counts["count"] for status, counts in tally["statuses"].items()}


def area(data, code):
    return next(tally for tally in data["areas"] if tally["code"] == code)


def test_questions_counted_by_hand(client, reports):
    data = figures(client, question=COORDINATION, cycle="BMS9")
    total = data["total"]
    assert (total["states"], total["reported"]) == (195, 6)
    assert statuses(total) == {"yes": 4, "no": 1, "in_development": 1, "not_applicable": 0}
    assert total["statuses"]["yes"]["share"] == pytest.approx(4 / 6)
    assert total["statuses"]["yes"]["share_of_all"] == pytest.approx(4 / 195)
    assert total["small_base"] is True
    africa = area(data, AFRICA)
    assert (
        africa["states"]
        == Country.objects.reporting_states().source().filter(region__code=AFRICA).count()
    )
    assert africa["reported"] == 3
    assert statuses(africa) == {"yes": 1, "no": 1, "in_development": 1, "not_applicable": 0}
    assert statuses(area(data, EUROPE)) == {
        "yes": 2,
        "no": 0,
        "in_development": 0,
        "not_applicable": 0,
    }
    by_state = {row["code"]: row["answer"] for row in data["states"]}
    assert by_state["GH"] == "in_development"
    assert by_state["BR"] == "not_reported"  # a draft counts for nothing
    assert len(by_state) == 195

    # Unanswered questions, and instruments.
    contact = figures(client, question=POINT_OF_CONTACT, cycle="BMS9")["total"]
    assert contact["reported"] == 6
    assert contact["answered"] == 4
    assert statuses(contact)["yes"] == 3
    # France reported on the PoA only: an ITI question does not count its report.
    marking = figures(client, question=MARKING, cycle="BMS9")
    assert marking["total"]["reported"] == 5
    assert statuses(marking["total"])["yes"] == 1
    assert {row["code"]: row["answer"] for row in marking["states"]}["FR"] == "not_reported"

    # A number question: summed, and its median.
    data = figures(client, question=DESTROYED, cycle="BMS9")
    assert data["total"]["total"] == 6500
    assert data["total"]["median"] == 1200
    africa = area(data, AFRICA)
    assert (africa["total"], africa["median"]) == (1500, 750)
    scoped = figures(client, question=DESTROYED, cycle="BMS9", region=EUROPE)
    assert (scoped["total"]["reported"], scoped["total"]["total"]) == (2, 5000)


def test_second_cycle_trend_changes_and_rates(client, reports):
    later = figures(client, question=COORDINATION, cycle="BMS10")["total"]
    assert (later["reported"], statuses(later)["yes"]) == (3, 2)
    trend = client.get(
        reverse("analysis-trend"), {"question": COORDINATION, "cycle": "BMS9,BMS10"}
    ).json()
    shares = [point["figures"]["statuses"]["yes"]["share"] for point in trend["cycles"]]
    assert shares == [pytest.approx(4 / 6), pytest.approx(2 / 3)]
    changes = client.get(reverse("analysis-changes"), {"country": "NG"}).json()
    (comparison,) = changes["comparisons"]
    assert (comparison["before"]["code"], comparison["after"]["code"]) == ("BMS9", "BMS10")
    found = {change["question"]["code"]: change for change in comparison["changes"]}
    assert found[COORDINATION]["direction"] == "progress"
    assert found[POINT_OF_CONTACT]["direction"] == "regression"
    # Germany's change saved for review is not compared: its published BMS9 answer is "yes".
    germany = client.get(reverse("analysis-changes"), {"country": "DE"}).json()
    latest = germany["comparisons"][-1]
    assert latest["after"]["code"] == "BMS10"
    assert [(c["before"], c["after"]) for c in latest["changes"]] == [("yes", "in_development")]

    # Reporting rates.
    data = client.get(reverse("analysis-reporting-rates"), {"cycle": "BMS9,BMS10"}).json()
    bms9, bms10 = data["cycles"]
    assert (bms9["total"]["reported"], bms9["total"]["poa"], bms9["total"]["iti"]) == (6, 6, 5)
    assert bms10["total"]["reported"] == 3
    assert next(a for a in bms9["areas"] if a["code"] == AFRICA)["reported"] == 3
    iti = client.get(
        reverse("analysis-reporting-rates"), {"cycle": "BMS9", "instrument": "iti"}
    ).json()
    assert iti["cycles"][0]["total"]["reported"] == 5
    never = {state["code"] for state in data["never_reported"]}
    assert "KE" not in never and "BR" in never
    assert len(never) == 195 - StateReport.objects.values("country_code").distinct().count()


def test_unpublishing_stops_counting_and_downloads(
    client, reports, django_capture_on_commit_callbacks
):
    from cms.library.models import NationalReportPage

    figures(client, question=COORDINATION, cycle="BMS9")  # now in the API cache
    report = NationalReportPage.objects.get(country__code="MX", cycle__code="BMS9")
    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    total = figures(client, question=COORDINATION, cycle="BMS9")["total"]
    assert (total["reported"], statuses(total)["yes"]) == (5, 3)

    # The downloads hold the same figures.
    params = {"question": COORDINATION, "cycle": "BMS9", "download": "csv"}
    response = client.get(reverse("analysis-answers"), params)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    world = rows[2]
    assert world[:3] == ["All reporting States", "195", "5"]
    params["download"] = "xlsx"
    workbook = load_workbook(io.BytesIO(client.get(reverse("analysis-answers"), params).content))
    first = workbook.worksheets[0]
    assert [first.cell(2, column).value for column in (2, 3, 4)] == [195, 5, 3]


@pytest.mark.parametrize(
    "params, name",
    [
        ({"question": "no-such-question"}, "question"),
        ({"question": COORDINATION, "cycle": "BMS99"}, "cycle"),
        ({"question": COORDINATION, "region": "999"}, "region"),
        ({"question": COORDINATION, "group": "g77"}, "group"),
        ({"question": COORDINATION, "instrument": "att"}, "instrument"),
        ({"question": COORDINATION, "download": "pdf"}, "download"),
    ],
)
def test_bad_parameters_are_named(client, demo_site, params, name):
    response = client.get(reverse("analysis-answers"), params)
    assert response.status_code == 400
    assert name in response.json()["errors"]


@pytest.mark.parametrize("name", ["analysis-reporting-rates", "analysis-trend"])
def test_every_table_downloads_as_xlsx(client, demo_site, name):
    params = {"download": "xlsx", "question": COORDINATION, "locale": "fr"}
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.cell(2, 1).value.startswith("Premi")  # the cycles' names, in French
