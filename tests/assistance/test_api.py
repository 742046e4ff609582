"""The assistance API as each role uses it: what they see, what they may change."""

import pytest

from assistance.models import Match, Need, Resource

from .conftest import committed

pytestmark = pytest.mark.django_db

LIBERIA_NEED = "Marking and record-keeping of State-held small arms"
MALI_NEED = "Review of the firearms law"


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def new_need(**overrides):
    data = {
        "title": "Destruction of obsolete ammunition",
        "description": "Surplus ammunition identified in the 2026 national report.",
        "country": "KE",
        "themes": ["surplus-destruction", "stockpile-management"],
        "forms": ["technical-expertise"],
        "amount": "120000.00",
        "currency": "EUR",
        "start_date": "2027-03-01",
        "duration_months": 12,
        "priority": 3,
        "contact_email": "npc@example.go.ke",
    }
    return {**data, **overrides}


def test_the_public_sees_published_needs_without_contacts(client):
    response = client.get("/api/v2/needs/")
    assert LIBERIA_NEED in titles(response)
    assert MALI_NEED not in titles(response)
    assert all(item["contact_email"] == "" for item in response.json()["items"])


def test_an_unvalidated_need_is_seen_by_its_country_and_the_secretariat_only(
    client, secretariat, kenya_npc, unscar_manager
):
    mali = Need.objects.get(title=MALI_NEED)
    for user, sees in ((secretariat, True), (kenya_npc, False), (unscar_manager, False)):
        client.force_login(user)
        assert (MALI_NEED in titles(client.get("/api/v2/needs/"))) is sees
        assert client.get(f"/api/v2/needs/{mali.pk}/").status_code == (200 if sees else 404)


def test_a_national_point_of_contact_submits_needs_for_its_own_country_only(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.post("/api/v2/needs/", new_need(), content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "draft"
    assert created["amount_usd"] == "137931.03"  # EUR at the configured rate
    assert created["contact_email"] == "npc@example.go.ke"
    assert created["names"]["KE"] == "Kenya"

    response = client.post(
        "/api/v2/needs/", new_need(country="JM"), content_type="application/json"
    )
    assert response.status_code == 400
    assert "country" in response.json()["errors"]


def test_bad_input_is_answered_with_field_errors(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.post(
        "/api/v2/needs/",
        new_need(amount="-5", themes=["no-such-theme"], duration_months=0),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"amount", "themes", "duration_months"} <= set(response.json()["errors"])


def test_the_lifecycle_is_recorded_and_each_step_belongs_to_a_role(
    client, kenya_npc, secretariat, eager_tasks
):
    client.force_login(kenya_npc)
    with committed():
        pk = client.post("/api/v2/needs/", new_need(), content_type="application/json").json()["id"]

    def step(status, **extra):
        return client.post(
            f"/api/v2/needs/{pk}/transition/",
            {"status": status, **extra},
            content_type="application/json",
        )

    assert step("submitted").status_code == 200
    assert step("validated").status_code == 403  # the secretariat validates
    assert (
        client.patch(
            f"/api/v2/needs/{pk}/", {"amount": "1"}, content_type="application/json"
        ).status_code
        == 200
    )  # still editable while submitted

    client.force_login(secretariat)
    assert step("validated", note="Endorsed by the national commission").status_code == 200
    response = step("published")
    assert response.status_code == 400
    assert "consent_to_publish" in response.json()["errors"]

    client.force_login(kenya_npc)
    assert (
        client.patch(
            f"/api/v2/needs/{pk}/", {"amount": "2"}, content_type="application/json"
        ).status_code
        == 403
    )  # validated: no longer the State's to edit
    need = Need.objects.get(pk=pk)
    need.give_consent(kenya_npc)
    need.save()

    client.force_login(secretariat)
    response = step("published")
    assert response.status_code == 200
    history = [(c["from_status"], c["to_status"]) for c in response.json()["history"]]
    assert history == [
        ("draft", "submitted"),
        ("submitted", "validated"),
        ("validated", "published"),
    ]
    assert need.history.get(to_status="validated").changed_by == secretariat


def test_donors_describe_their_own_resources(client, unscar_manager, eu_manager):
    client.force_login(unscar_manager)
    data = {
        "kind": "fund",
        "status": "active",
        "title": "UNSCAR call for proposals 2028",
        "provider": "unscar",
        "themes": ["marking"],
        "forms": ["financial"],
        "is_global": True,
        "eligible_applicant_types": ["ngo", "un-entity"],
        "grant_cap": "200000",
        "call_opens": "2028-01-15",
        "call_closes": "2028-04-30",
    }
    response = client.post("/api/v2/resources/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]

    response = client.post(
        "/api/v2/resources/", {**data, "provider": "eu"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "provider" in response.json()["errors"]
    response = client.post(
        "/api/v2/resources/",
        {**data, "call_closes": None, "grant_floor": "300000"},
        content_type="application/json",
    )
    assert set(response.json()["errors"]) == {"call_closes", "grant_floor"}

    client.force_login(eu_manager)
    response = client.patch(
        f"/api/v2/resources/{pk}/", {"grant_cap": "1"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_a_draft_resource_is_hidden_from_others(client, unscar_manager):
    draft = Resource.objects.create(
        title="Unannounced fund", kind="fund", grant_cap=1000, rolling=True
    )
    assert "Unannounced fund" not in titles(client.get("/api/v2/resources/"))
    assert client.get(f"/api/v2/resources/{draft.pk}/").status_code == 404


def test_matches_explain_themselves_in_the_readers_language(client):
    response = client.get("/api/v2/matches/", {"country": "LR", "locale": "fr"})
    [match] = response.json()["items"]
    assert match["need_title"] == "Marquage et enregistrement des armes légères détenues par l'État"
    assert match["is_cofunding"]
    assert "Points" in match["explanation"] or "points" in match["explanation"].lower()
    assert {c["title"] for c in match["contributions"]} >= {
        "Appel à propositions de l'UNSCAR pour 2027"
    }


def test_the_secretariat_reviews_matches_and_a_decline_needs_a_reason(
    client, secretariat, unscar_manager, eu_manager
):
    match = Match.objects.get(need__country__code="KE")  # UNSCAR alone
    url = f"/api/v2/matches/{match.pk}/review/"
    client.force_login(eu_manager)
    assert (
        client.post(url, {"status": "agreed"}, content_type="application/json").status_code == 403
    )

    client.force_login(unscar_manager)
    response = client.post(url, {"status": "under_discussion"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "under_discussion"

    client.force_login(secretariat)
    response = client.post(url, {"status": "declined"}, content_type="application/json")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]
    response = client.post(
        url,
        {"status": "declined", "reason": "The State prefers a bilateral partner."},
        content_type="application/json",
    )
    assert response.json()["decline_reason"] == "The State prefers a bilateral partner."
    match.refresh_from_db()
    assert [c.to_status for c in match.history.all()] == ["under_discussion", "declined"]


def test_both_sides_say_whether_the_need_was_met(client, kenya_npc, unscar_manager):
    match = Match.objects.get(need__country__code="KE")
    url = f"/api/v2/matches/{match.pk}/feedback/"
    client.force_login(unscar_manager)
    answer = {"side": "recipient", "need_met": True}
    assert client.post(url, answer, content_type="application/json").status_code == 403
    answer = {"side": "provider", "need_met": True, "comment": "Depots refurbished."}
    assert client.post(url, answer, content_type="application/json").status_code == 200
    client.force_login(kenya_npc)
    answer = {"side": "recipient", "need_met": False, "comment": "One depot remains."}
    response = client.post(url, answer, content_type="application/json")
    assert response.json()["need_met_by_recipient"] is False
    assert response.json()["need_met_by_provider"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "KE"}, {"Safe storage of ammunition in regional depots"}),
        (
            {"region": "011"},
            {LIBERIA_NEED, "Stockpile management and destruction of surplus weapons"},
        ),
        (
            {"theme": "data-collection"},
            {"Survey of firearms in civilian hands for SDG indicator 16.4.2"},
        ),
        ({"form": "legal-advice"}, set()),
        ({"year": "2026"}, set()),
    ],
)
def test_needs_are_filtered_by_country_region_theme_form_and_year(client, query, expected):
    assert titles(client.get("/api/v2/needs/", query)) == expected


def test_a_bad_filter_value_is_a_field_error(client):
    response = client.get("/api/v2/needs/", {"year": "99999"})
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_resources_open_to_a_country(client):
    kenya = titles(client.get("/api/v2/resources/", {"country": "KE"}))
    assert "UNSCAR call for proposals 2027" in kenya
    assert "Regional programme for small arms control in Africa" in kenya
    assert "Bilateral offer: stockpile management and marking in Western Africa" not in kenya
    jamaica = titles(client.get("/api/v2/resources/", {"country": "JM"}))
    assert "Marking equipment for small island developing States" in jamaica


def test_only_the_secretariat_edits_projects(client, secretariat, kenya_npc):
    data = {
        "code": "SALW-2027-01",
        "title": "Marking in the Mano River Union",
        "focus_countries": ["LR", "SL"],
    }
    client.force_login(kenya_npc)
    assert (
        client.post("/api/v2/projects/", data, content_type="application/json").status_code == 403
    )
    client.force_login(secretariat)
    response = client.post("/api/v2/projects/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert titles(client.get("/api/v2/projects/", {"country": "SL"})) == {data["title"]}


def test_coverage_by_region_and_theme(client):
    report = client.get("/api/v2/assistance/coverage/", {"locale": "fr"}).json()
    africa_marking = next(
        r for r in report["rows"] if (r["region"], r["theme"]) == ("002", "marking")
    )
    assert africa_marking["region_name"] == "Afrique"
    assert africa_marking["needs"] == 1
    assert africa_marking["requested_usd"] == "210000.00"  # half of Liberia's US$420,000
    assert report["totals"]["needs"] == 5  # Mali's need is not validated
    assert report["totals"]["gap_usd"] == report["totals"]["requested_usd"]
    assert {s["kind"] for s in report["synergies"]} >= {"cofunding"}


def test_a_need_names_the_national_report_it_was_stated_in(client, kenya_npc):
    from cms.library.models import NationalReportPage

    kenya = NationalReportPage.objects.filter(country__code="KE").first()
    other = NationalReportPage.objects.exclude(country__code="KE").first()
    client.force_login(kenya_npc)

    refused = client.post(
        "/api/v2/needs/", new_need(national_report=other.pk), content_type="application/json"
    )
    assert refused.status_code == 400
    assert "national_report" in refused.json()["errors"]

    created = client.post(
        "/api/v2/needs/", new_need(national_report=kenya.pk), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    assert created.json()["national_report"] == kenya.pk
    assert Need.objects.get(pk=created.json()["id"]) in kenya.assistance_needs.all()


@pytest.mark.parametrize("territory", ["GL", "TW", "EH"])
def test_a_need_is_for_a_reporting_state_only(client, secretariat, territory):
    client.force_login(secretariat)
    before = Need.objects.count()
    response = client.post(
        "/api/v2/needs/", new_need(country=territory), content_type="application/json"
    )
    assert response.status_code == 400
    (message,) = response.json()["errors"]["country"]
    assert "is not a State that reports" in message
    assert Need.objects.count() == before


def test_a_point_of_contact_of_a_territory_states_no_need(client):
    """A profile naming a territory speaks for no State: such a contact may state no need."""
    from cms.accounts import roles

    from .conftest import make_user

    greenland = make_user("npc-gl", roles.NATIONAL_POINTS_OF_CONTACT, country="GL")
    client.force_login(greenland)
    response = client.post(
        "/api/v2/needs/", new_need(country="GL"), content_type="application/json"
    )
    assert response.status_code == 403
    assert not Need.objects.filter(country__code="GL").exists()
