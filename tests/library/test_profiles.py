"""Country profiles are assembled from the published reports and other apps' sections."""

import pytest

from cms.library.profiles import _registry, register_section

pytestmark = pytest.mark.usefixtures("demo_site")


def profile(client, code, **params):
    response = client.get(f"/api/v2/countries/{code}/profile/", params)
    assert response.status_code == 200
    return response.json()


def reports_section(data):
    return next(section["data"] for section in data["sections"] if section["name"] == "reports")


def test_the_profile_draws_on_the_published_reports(client):
    data = profile(client, "KE", locale="fr")
    assert data["country"] == {"code": "KE", "name": "Kenya", "locale": "fr"}
    reports = reports_section(data)
    assert [entry["cycle"] for entry in reports["timeline"]] == ["BMS6"]
    legislation = next(e for e in reports["excerpts"] if e["section"] == "legislation")
    assert legislation["excerpt"][0]["original_title"] == "Firearms Act (Cap. 114)"
    needs = next(e for e in reports["excerpts"] if e["section"] == "international_assistance")
    assert {need["thematic_area"]["code"] for need in needs["excerpt"]["needs"]} == {
        "marking",
        "record-keeping",
    }


def test_publishing_a_report_updates_the_profile(client, make_report):
    assert not any(s["name"] == "reports" for s in profile(client, "FR")["sections"])

    make_report(
        "FR",
        cycle="BMS8",
        publish=True,
        sections=[("brokering", "<p>Brokers need a licence.</p>")],
    )
    make_report(
        "FR",
        cycle="RevCon4",
        publish=True,
        sections=[("brokering", "<p>Brokers are registered and licensed.</p>")],
    )

    reports = reports_section(profile(client, "FR"))
    assert [entry["cycle"] for entry in reports["timeline"]] == ["BMS8", "RevCon4"]
    brokering = next(e for e in reports["excerpts"] if e["section"] == "brokering")
    assert (brokering["cycle"], brokering["excerpt"]) == (
        "RevCon4",
        "Brokers are registered and licensed.",
    )


def test_other_apps_contribute_sections(client):
    def contacts(country_code, language_code, user):
        return {"country": country_code, "signed_in": user is not None}

    registered = _registry.get("contacts")  # the network's own section, put back afterwards
    register_section("contacts", contacts, label="Points of contact", order=5)
    try:
        data = profile(client, "KE")
        assert data["sections"][0] == {
            "name": "contacts",
            "label": "Points of contact",
            "data": {"country": "KE", "signed_in": False},
        }
    finally:
        _registry.pop("contacts")
        if registered:
            _registry["contacts"] = registered


def test_an_unknown_country_is_a_404(client):
    response = client.get("/api/v2/countries/QQ/profile/")
    assert response.status_code == 404
    assert response.json()["message"]
