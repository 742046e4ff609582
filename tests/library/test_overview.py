"""The world overview follows what is published: JSON for a map and an accessible table."""

import pytest
from bs4 import BeautifulSoup

from cms.library.models import WorldOverviewPage

pytestmark = pytest.mark.usefixtures("demo_site")

URL = "/api/v2/reporting-status/"


def status_of(client, country, cycle, **params):
    data = client.get(URL, {"cycle": cycle, **params}).json()
    (item,) = [item for item in data["items"] if item["code"] == country]
    (status,) = [entry["status"] for entry in item["statuses"] if entry["cycle"] == cycle]
    return status


def test_publishing_and_unpublishing_a_report_changes_the_status(
    client, make_report, django_capture_on_commit_callbacks
):
    assert status_of(client, "FR", "BMS8") == "not_reported"
    report = make_report("FR", cycle="BMS8", instrument="poa", publish=True)
    assert status_of(client, "FR", "BMS8") == "poa"

    make_report("FR", cycle="BMS7", instrument="iti", publish=True)
    assert status_of(client, "FR", "BMS7") == "iti"

    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    assert status_of(client, "FR", "BMS8") == "not_reported"


def test_demo_reports_are_counted_and_drafts_are_not(client, make_report):
    make_report("BR", cycle="BMS8", publish=False)
    assert status_of(client, "KE", "BMS6") == "poa_iti"
    assert status_of(client, "MX", "BMS7") == "poa"
    assert status_of(client, "BR", "BMS8") == "not_reported"


def test_filters_by_cycle_and_region_and_names_countries_in_the_language(client):
    data = client.get(URL, {"cycle": "BMS6,RevCon3", "region": "002", "locale": "fr"}).json()
    assert [cycle["code"] for cycle in data["cycles"]] == ["BMS6", "RevCon3"]
    codes = {item["code"] for item in data["items"]}
    assert "KE" in codes and "DE" not in codes  # 002 is Africa
    kenya = next(item for item in data["items"] if item["code"] == "KE")
    assert kenya["locale"] == "fr"
    assert data["statuses"]["not_reported"] == "Non communiqué" or data["statuses"]["not_reported"]


def test_unknown_filters_are_refused_naming_the_parameter(client):
    response = client.get(URL, {"cycle": "BMS99"})
    assert response.status_code == 400
    assert "cycle" in response.json()["errors"]
    response = client.get(URL, {"region": "999"})
    assert response.status_code == 400
    assert "region" in response.json()["errors"]


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_overview_page_is_an_accessible_table(client, language):
    page = WorldOverviewPage.objects.get(locale__language_code=language)
    response = client.get(page.url, {"cycle": "BMS6"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", id="overview-states")
    assert table.caption and table.caption.get_text(strip=True)
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    rows = table.tbody.find_all("tr")
    assert all(row.th and row.th["scope"] == "row" for row in rows)
    kenya = next(row for row in rows if row.th.get_text(strip=True) == kenya_name(language))
    assert kenya.find("td", attrs={"data-status": "poa_iti"}) is not None


def kenya_name(language):
    from cms.core.models import Country

    return Country.objects.get(code="KE", locale__language_code=language).name


def test_the_table_follows_publishing(client, make_report, django_capture_on_commit_callbacks):
    page = WorldOverviewPage.objects.get(locale__language_code="en")
    report = make_report("FR", cycle="BMS8", instrument="poa_iti", publish=True)

    def france_cells():
        soup = BeautifulSoup(client.get(page.url, {"cycle": "BMS8"}).content, "html.parser")
        rows = soup.select("#overview-states tbody tr")
        row = next(r for r in rows if r.th.get_text(strip=True) == "France")
        return [cell["data-status"] for cell in row.find_all("td", attrs={"data-status": True})]

    assert "poa_iti" in france_cells()
    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    assert set(france_cells()) == {"not_reported"}


TERRITORIES = {"AQ", "BV", "EH", "GL", "HK", "MO", "TW", "XK", "CK", "NU"}


def reporting_state_codes():
    import csv

    from cms.core.reference_data import UN_MEMBERSHIP_FILE

    with UN_MEMBERSHIP_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["iso_alpha2"] for row in csv.DictReader(handle)}


@pytest.mark.parametrize(
    ("language", "bolivia"),
    [
        ("en", "Bolivia (Plurinational State of)"),
        ("fr", "Bolivie (État plurinational de)"),
        ("es", "Bolivia (Estado Plurinacional de)"),
        ("ru", "Боливия (Многонациональное Государство)"),
        ("ar", "بوليفيا (دولة - المتعددة القوميات)"),
        ("zh-hans", "多民族玻利维亚国"),
    ],
)
def test_the_status_lists_exactly_the_195_states_in_the_language(client, language, bolivia):
    data = client.get(URL, {"cycle": "BMS9", "locale": language}).json()
    items = {item["code"]: item for item in data["items"]}
    assert len(data["items"]) == 195
    assert set(items) == reporting_state_codes()
    assert not TERRITORIES & set(items)
    assert items["BO"]["name"] == bolivia
    assert {item["locale"] for item in data["items"]} == {language}
    assert items["VA"]["statuses"] == [{"cycle": "BMS9", "status": "not_reported"}]


def test_the_status_names_states_as_the_un_does(client):
    data = client.get(URL, {"cycle": "BMS9"}).json()
    items = {item["code"]: item["name"] for item in data["items"]}
    assert items["TR"] == "Türkiye"
    assert items["TT"] == "Trinidad and Tobago"
    assert items["PS"] == "State of Palestine"
    assert items["CI"] == "Côte d'Ivoire"


def test_a_region_filter_lists_its_states_only(client):
    data = client.get(URL, {"cycle": "BMS9", "region": "057"}).json()  # Micronesia
    # Guam, the Northern Mariana Islands and the US Minor Outlying Islands are territories.
    assert {item["code"] for item in data["items"]} == {"FM", "KI", "MH", "NR", "PW"}


def test_the_overview_page_lists_the_195_states(client):
    page = WorldOverviewPage.objects.get(locale__language_code="fr")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    names = [row.th.get_text(strip=True) for row in soup.select("#overview-states tbody tr")]
    assert len(names) == 195
    assert "Bolivie (État plurinational de)" in names
    assert "Groenland" not in names and "Antarctique" not in names
