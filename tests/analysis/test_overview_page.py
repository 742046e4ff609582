"""The world overview page: filters, a summary, the map with its key, and the States' table."""

import pytest
from bs4 import BeautifulSoup

from cms.core.models import Country
from cms.library.models import WorldOverviewPage

pytestmark = pytest.mark.usefixtures("demo_site")

AFRICA, AMERICAS = "002", "019"


def overview(client, language="en", **params):
    page = WorldOverviewPage.objects.get(locale__language_code=language)
    response = client.get(page.url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table_statuses(soup):
    """{State code: status} from the table of States."""
    return {
        row["data-code"]: row.find("td")["data-status"]
        for row in soup.select("#overview-states tbody tr")
    }


def map_classes(soup):
    """{State code: class} of the States drawn on the map (paths and small-State markers)."""
    svg = soup.select_one("figure svg")
    return {shape["data-code"]: shape.get("data-class") for shape in svg.select("[data-code]")}


def legend_counts(soup):
    return {
        row["data-class"]: row.td.get_text(strip=True)
        for row in soup.select("#overview-legend tbody tr")
    }


def test_the_page_is_a_map_with_a_key_a_summary_and_the_table_behind_a_disclosure(client):
    soup = overview(client)
    form = soup.find("form", class_="overview-filters")
    assert form["method"] == "get"
    assert {field["name"] for field in form.find_all("select")} == {
        "cycle",
        "region",
        "group",
        "instrument",
    }
    # The latest cycle with a published report: the demo's Japanese report for RevCon4.
    assert form.find("select", attrs={"name": "cycle"}).find("option", selected=True)["value"] == (
        "RevCon4"
    )
    svg = soup.select_one("figure svg")
    assert svg["role"] == "img"
    assert map_classes(soup)["JP"] == "poa_iti"
    assert map_classes(soup)["KE"] == "not_reported"
    assert legend_counts(soup) == {
        "poa_iti": "1",
        "poa": "0",
        "iti": "0",
        "not_reported": "194",
        "not_covered": "",
    }
    summary = soup.find(id="overview-summary").get_text(" ", strip=True)
    assert summary == "1 of 195 reporting States reported for the Fourth Review Conference (2024)."
    assert soup.select_one(".overview-chart svg") is not None
    disclosure = soup.find(id="overview-states").find_parent("details")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert len(table_statuses(soup)) == 195
    never = {item["data-code"] for item in soup.select("#overview-never-reported li")}
    assert {"AF", "VA", "PS"} <= never and not {"JP", "KE", "DE", "MX", "PH"} & never


def test_a_region_filter_shows_only_its_states(client):
    soup = overview(client, region=AFRICA, cycle="BMS6")
    african = set(
        Country.objects.reporting_states()
        .filter(locale__language_code="en", region__code=AFRICA)
        .values_list("code", flat=True)
    )
    statuses = table_statuses(soup)
    assert set(statuses) == african and len(african) == 54
    assert statuses["KE"] == "poa_iti"
    assert {code for code, klass in map_classes(soup).items() if klass} == african
    never = {item["data-code"] for item in soup.select("#overview-never-reported li")}
    assert never == african - {"KE"}
    assert soup.select_one("select[name=region] option[selected]")["value"] == AFRICA
    assert not soup.select(".overview-notice")


def test_the_summary_counts_the_published_reports(client, publish_report):
    publish_report("FR", "BMS8", {}, instrument="poa")
    publish_report("BR", "BMS8", {}, instrument="iti")
    publish_report("AR", "BMS8", {}, live=False)  # a draft counts nowhere

    soup = overview(client, cycle="BMS8")
    # With the demo's Philippine report on both instruments.
    summary = soup.find(id="overview-summary").get_text(" ", strip=True)
    assert summary.startswith("3 of 195 reporting States reported for the Eighth Biennial")
    figures = [dd.get_text(strip=True) for dd in soup.select(".overview-figures dd")]
    assert figures == ["2%", "2", "2"]
    statuses = table_statuses(soup)
    assert (statuses["FR"], statuses["BR"], statuses["PH"]) == ("poa", "iti", "poa_iti")
    assert statuses["AR"] == "not_reported"
    assert {code: map_classes(soup)[code] for code in ("FR", "BR", "AR")} == {
        "FR": "poa",
        "BR": "iti",
        "AR": "not_reported",
    }
    assert legend_counts(soup)["not_reported"] == "192"

    americas = overview(client, cycle="BMS8", region=AMERICAS, instrument="iti")
    summary = americas.find(id="overview-summary").get_text(" ", strip=True)
    assert summary.startswith("1 of 35 reporting States reported on the ITI")
    brazil = americas.select_one("#overview-states tr[data-code=BR]")
    assert brazil.find_all("td")[-1].get_text(strip=True) == "BMS8"


def test_bad_filters_are_left_out_with_a_message(client):
    soup = overview(
        client, cycle="BMS99", region="<b>999</b>", group="g20", instrument="both-and-more"
    )
    notices = [item.get_text(" ", strip=True) for item in soup.select(".overview-notice li")]
    assert len(notices) == 4
    assert "BMS99" in notices[0] and "Fourth Review Conference" in notices[0]
    assert "<b>999</b>" in notices[1]  # shown as text, never as markup
    assert soup.select_one(".overview-notice b") is None
    assert len(table_statuses(soup)) == 195
    assert soup.select_one("select[name=cycle] option[selected]")["value"] == "RevCon4"


def test_the_arabic_page_names_regions_and_states_in_arabic(client):
    soup = overview(client, language="ar", region=AFRICA)
    assert soup.html["dir"] == "rtl" and soup.html["lang"] == "ar"
    regions = soup.select_one("select[name=region] option[selected]")
    assert regions.get_text(strip=True) == "أفريقيا"
    kenya = soup.select_one("#overview-states tr[data-code=KE] th").get_text(strip=True)
    assert kenya == Country.objects.get(code="KE", locale__language_code="ar").name
    assert soup.select_one("figure svg")["lang"] == "ar"


def test_a_region_and_group_with_no_state_in_common_say_so(client):
    soup = overview(client, region="021", group="ldc")  # Northern America has no LDC
    summary = soup.find(id="overview-summary").get_text(" ", strip=True)
    assert summary == "No reporting State is in both the region and the group chosen."
    assert table_statuses(soup) == {}
    assert not {klass for klass in map_classes(soup).values() if klass}


def test_a_site_without_cycles_says_so(client, monkeypatch):
    from cms.library import overview_page

    monkeypatch.setattr(overview_page.ReportingCycle.objects, "order_by", lambda *fields: [])
    soup = overview(client)
    assert "No reporting cycle has been set up yet." in soup.main.get_text()
    assert soup.select_one("figure svg") is None
