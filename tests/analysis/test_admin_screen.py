"""The secretariat's analysis screen: pick a figure, a cycle and States; see the pictures."""

import pytest

COORDINATION = "poa-ii-4-coordination-agency"


@pytest.fixture
def reports(publish_report):
    publish_report("KE", "BMS9", {COORDINATION: "yes"})
    publish_report("NG", "BMS9", {COORDINATION: "no"})


def test_reporting_rates_by_default(admin_client, reports):
    response = admin_client.get("/admin/analysis/", {"cycle": "BMS9"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 of 195 States reported for the Ninth Biennial Meeting of States." in html
    assert 'data-code="KE"' in html and 'data-class="poa_iti"' in html
    assert "States never reported" in html
    assert "/api/v2/analysis/reporting-rates/?cycle=BMS9" in html


def test_one_question_in_one_region(admin_client, reports):
    response = admin_client.get(
        "/admin/analysis/", {"question": COORDINATION, "cycle": "BMS9", "region": "002"}
    )
    html = response.content.decode()
    assert "Based on 2 published reports of 54 States." in html
    assert "Few reports" in html
    assert 'data-code="NG" data-class="no"' in html or 'data-class="no"' in html
    assert "download=xlsx" in html and f"question={COORDINATION}" in html


def test_unknown_choices_are_shown_not_crashed(admin_client, demo_site):
    response = admin_client.get("/admin/analysis/", {"question": "nope", "region": "999"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_reserved_to_admin_users(client, demo_site):
    response = client.get("/admin/analysis/")
    assert response.status_code == 302
