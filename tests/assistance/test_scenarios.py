"""The demo's situations, from the brief: an UNSCAR-like call, a bilateral offer limited to a
region, a marking and record-keeping need too large for one fund."""

import pytest

from assistance.matching import criteria
from assistance.matching.service import need_profile, resource_profile
from assistance.models import Match, Need, Resource

pytestmark = pytest.mark.django_db

UNSCAR_CALL = "UNSCAR call for proposals 2027"
UNSCAR_RAPID = "UNSCAR rapid-response window"
WEST_AFRICA_OFFER = "Bilateral offer: stockpile management and marking in Western Africa"
AFRICA_PROGRAMME = "Regional programme for small arms control in Africa"
ROSTER = "Expertise roster on marking and tracing for Latin America and the Caribbean"
SIDS_EQUIPMENT = "Marking equipment for small island developing States"


def need(title):
    return Need.objects.get(title=title)


def proposals(title):
    return [
        (list(match.resources.order_by("pk").values_list("title", flat=True)), match)
        for match in Match.objects.filter(need__title=title, is_current=True).order_by("rank")
    ]


def test_the_marking_need_too_large_for_one_fund_gets_a_cofunding_set():
    [(resources, match)] = proposals("Marking and record-keeping of State-held small arms")
    assert sorted(resources) == sorted([UNSCAR_CALL, AFRICA_PROGRAMME])
    assert match.is_cofunding
    shares = {c.resource.title: c.amount_usd for c in match.contributions.all()}
    assert (
        sum(shares.values())
        == need("Marking and record-keeping of State-held small arms").amount_usd
    )
    assert shares[UNSCAR_CALL] <= 200_000


def test_the_unscar_call_keeps_its_cap_deadline_and_applicant_rules():
    unscar = Resource.objects.get(title=UNSCAR_CALL)
    for match in Match.objects.filter(resources=unscar):
        target = match.need
        assert target.applicant is not None, "States apply through an eligible organisation"
        assert target.applicant.organisation_type.code != "state"
        # Submitted while the call is open, started once it is decided.
        assert target.open_since <= unscar.call_closes <= target.latest_useful_start
        assert 12 <= target.duration_months <= 24
        share = match.contributions.get(resource=unscar).amount_usd
        assert share <= 200_000
    # The Kenyan need, through RECSA, fits the call alone.
    [(resources, _match)] = proposals("Safe storage of ammunition in regional depots")
    assert resources == [UNSCAR_CALL]
    # A State applying itself (Niger), or a project shorter than the call's (Fiji), does not.
    assert UNSCAR_CALL not in sum(
        (r for r, _m in proposals("Stockpile management and destruction of surplus weapons")), []
    )
    fiji = proposals("Survey of firearms in civilian hands for SDG indicator 16.4.2")
    assert [resources for resources, _match in fiji] == [[UNSCAR_RAPID]]


def test_the_bilateral_offer_stays_in_western_africa():
    offer = Resource.objects.get(title=WEST_AFRICA_OFFER)
    matched = Match.objects.filter(resources=offer).values_list("need__country__code", flat=True)
    assert list(matched) == ["NE"]
    for target in Need.objects.exclude(country__code__in=["NE", "ML", "SL", "LR", "GH"]):
        assert not criteria.can_contribute(need_profile(target), resource_profile(offer))


def test_an_unvalidated_need_is_never_matched():
    assert proposals("Review of the firearms law") == []


def test_the_ranking_follows_the_documented_weights():
    """Jamaica: the roster covers both themes, the equipment offer one; both give in kind,
    and the need states no quantity (half the budget points)."""
    ranked = proposals("Tracing of illicit firearms seized at the border")
    assert [resources for resources, _m in ranked] == [[ROSTER], [SIDS_EQUIPMENT]]
    roster, equipment = (match for _r, match in ranked)
    expected_roster = 100 * (0.35 * 1 + 0.10 * 0.5 + 0.20 * 0.5 + 0.15 + 0.10 * 0.5)
    expected_equipment = 100 * (0.35 * 0.5 + 0.10 * 0.5 + 0.20 * 0.5 + 0.15 + 0.10 * 0.5)
    assert float(roster.score) == pytest.approx(expected_roster, abs=0.01)
    assert float(equipment.score) == pytest.approx(expected_equipment, abs=0.01)
    assert roster.breakdown["criteria"]["themes"] == 1.0
    assert roster.breakdown["weights"]["themes"] == 0.35
