"""Acceptance: a self-assessment of 05.30 with six gaps yields a baseline, a ranked gap list
and six draft needs (never twice); a second assessment shows progress; bad input is refused
with the field named; another State's point of contact neither sees nor changes it."""

import pytest

from assistance.models import Need
from cms.mosaic.models import Clause, GapNeed

from .conftest import ASSESSMENTS, client_for, create_assessment, rate

pytestmark = pytest.mark.django_db

# Fourteen clauses of 05.30: six gaps (not started or partial), two not applicable.
FIRST = {
    "5.1.1": ("fully", "high"),
    "5.1.2": ("largely", "medium"),
    "5.1.3": ("partial", "low"),
    "5.2.1": ("not_started", "high"),
    "5.3.1": ("not_applicable", "low"),
    "5.4.1": ("partial", "high"),
    "5.5.1": ("not_started", "medium"),
    "6.1.1": ("fully", "high"),
    "6.2.1": ("fully", "low"),
    "6.3.1": ("partial", "medium"),
    "6.4.1": ("not_started", "low"),
    "6.5.1": ("largely", "low"),
    "6.6.1": ("fully", "high"),
    "6.7.1": ("not_applicable", "low"),
}
RANKED_GAPS = [
    "05.30/5.2.1",  # high, not started
    "05.30/5.4.1",  # high, partial
    "05.30/5.5.1",  # medium, not started
    "05.30/6.3.1",  # medium, partial
    "05.30/6.4.1",  # low, not started
    "05.30/5.1.3",  # low, partial
]


def test_the_checklist_of_05_30_is_loaded():
    assert Clause.objects.filter(module__code="05.30").count() == len(FIRST)
    for module in ("05.31", "05.20", "03.20"):
        assert Clause.objects.filter(module__code=module).count() >= 8


def test_baseline_gaps_needs_and_progress(kenya_npc):
    client = client_for(kenya_npc)
    first = create_assessment(client)
    response = rate(client, first, FIRST)
    assert response.status_code == 200, response.content
    body = response.json()

    [module] = body["baseline"]
    assert module["module"] == "05.30"
    assert (module["clauses"], module["applicable"], module["met"]) == (14, 12, 6)
    assert module["share_met"] == 0.5
    # 4 fully (4), 2 largely (4/3), 3 partial (1), 3 not started (0): 19/3 of 12.
    assert module["score"] == round(100 * (19 / 3) / 12, 1)
    assert [gap["clause"] for gap in body["gaps"]] == RANKED_GAPS

    proposed = client.post(f"{ASSESSMENTS}{first}/propose-needs/", {}, format="json")
    assert proposed.status_code == 201, proposed.content
    assert len(proposed.json()["created"]) == 6
    needs = Need.objects.filter(mosaic_gap__assessment_id=first)
    assert needs.count() == 6
    need = needs.get(mosaic_gap__clause__number="5.2.1")
    assert need.status == Need.Status.DRAFT and need.country.code == "KE"
    assert need.title.startswith("MOSAIC 05.30, clause 5.2.1")
    assert list(need.themes.values_list("code", flat=True)) == ["marking"]
    assert need.priority == 3
    assert set(need.translations) == {"fr", "es", "ru", "ar", "zh-hans"}
    assert "05.30" in need.translations["ar"]["title"]

    again = client.post(f"{ASSESSMENTS}{first}/propose-needs/", {}, format="json")
    assert again.status_code == 200
    assert again.json()["created"] == [] and len(again.json()["existing"]) == 6
    assert GapNeed.objects.filter(country_code="KE").count() == 6

    second = create_assessment(client, title="Review 2027")
    better = dict(FIRST, **{"5.2.1": ("fully", "high"), "6.6.1": ("partial", "high")})
    assert rate(client, second, better).status_code == 200
    progress = client.get(f"{ASSESSMENTS}{second}/progress/", {"since": first}).json()
    changes = {entry["clause"]: entry["change"] for entry in progress["clauses"]}
    assert changes["05.30/5.2.1"] == "improved"
    assert changes["05.30/6.6.1"] == "regressed"
    assert changes["05.30/5.1.1"] == "unchanged"
    assert changes["05.30/5.3.1"] == "not_comparable"
    [module_progress] = progress["modules"]
    assert module_progress["change"] == "improved"
    assert module_progress["score_after"] > module_progress["score_before"]

    # The second assessment's gaps already have needs: none is proposed twice.
    third = client.post(f"{ASSESSMENTS}{second}/propose-needs/", {}, format="json").json()
    assert len(third["created"]) == 1  # 6.6.1, the new gap
    assert GapNeed.objects.filter(country_code="KE").count() == 7


def test_a_delegated_national_user_assesses_its_state(kenya_delegate):
    client = client_for(kenya_delegate)
    assessment = create_assessment(client)
    assert rate(client, assessment, {"5.1.1": ("fully", "high")}).status_code == 200


@pytest.mark.parametrize(
    "item, field",
    [
        ({"clause": "05.30/5.1.1", "rating": "excellent"}, "rating"),
        ({"clause": "05.30/5.1.1", "rating": "fully", "evidence": "x" * 2001}, "evidence"),
        ({"clause": "05.30/5.1.1", "rating": "fully", "priority": "urgent"}, "priority"),
        ({"clause": "05.31/4.1", "rating": "fully"}, "clause"),
    ],
)
def test_bad_ratings_are_refused_naming_the_field(kenya_npc, item, field):
    client = client_for(kenya_npc)
    assessment = create_assessment(client)
    response = client.post(
        f"{ASSESSMENTS}{assessment}/ratings/", {"ratings": [item]}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"]
    # The field is named with the item's position: {"ratings": {"0": {"rating": [...]}}}.
    assert field in body["errors"]["ratings"]["0"]


def test_an_assessment_of_another_state_is_refused(kenya_npc):
    response = client_for(kenya_npc).post(
        ASSESSMENTS, {"country": "JM", "modules": ["05.30"], "title": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "country" in response.json()["errors"]


def test_unknown_module_is_refused(kenya_npc):
    response = client_for(kenya_npc).post(
        ASSESSMENTS, {"country": "KE", "modules": ["09.99"], "title": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "modules" in response.json()["errors"]


def test_private_to_the_state_and_the_secretariat(kenya_npc, jamaica_npc, donor, secretariat):
    assessment = create_assessment(client_for(kenya_npc))
    url = f"{ASSESSMENTS}{assessment}/"
    other = client_for(jamaica_npc)
    assert other.get(url).status_code == 404
    assert other.post(f"{url}ratings/", {"ratings": []}, format="json").status_code == 404
    assert other.post(f"{url}propose-needs/", {}, format="json").status_code == 404
    assert other.get(f"{url}export/", {"format": "xlsx"}).status_code == 404
    assert client_for(donor).get(url).status_code == 404
    assert client_for().get(url).status_code == 404
    assert assessment not in [item["id"] for item in client_for().get(ASSESSMENTS).json()["items"]]
    assert client_for(secretariat).get(url).status_code == 200

    # Shared: anyone reads it; only the State and the secretariat change it.
    assert client_for(kenya_npc).patch(url, {"shared": True}, format="json").status_code == 200
    assert client_for().get(url).status_code == 200
    assert client_for(donor).get(url).status_code == 200
    assert other.get(url).status_code == 200
    assert other.patch(url, {"title": "Mine"}, format="json").status_code == 403
    assert other.post(f"{url}propose-needs/", {}, format="json").status_code == 403
    assert client_for().patch(url, {"title": "x"}, format="json").status_code == 401


def test_progress_needs_another_assessment_of_the_same_state(kenya_npc, secretariat):
    client = client_for(kenya_npc)
    assessment = create_assessment(client)
    response = client.get(f"{ASSESSMENTS}{assessment}/progress/", {"since": assessment})
    assert response.status_code == 400
    assert "since" in response.json()["errors"]
    jamaica = create_assessment(client_for(secretariat), country="JM")
    response = client_for(secretariat).get(
        f"{ASSESSMENTS}{assessment}/progress/", {"since": jamaica}
    )
    assert "since" in response.json()["errors"]


def test_the_demo_assessment_says_it_is_fictional():
    from cms.mosaic.demo import DEMO_TITLE
    from cms.mosaic.models import Assessment

    demo = Assessment.objects.get(title=DEMO_TITLE)
    assert "Fictional example" in demo.title and not demo.shared
    assert all("Fictional example" in rating.evidence for rating in demo.ratings.all())
