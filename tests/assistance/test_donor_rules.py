"""The donor side's rules in dated scenarios: a need goes to a call it can be submitted to
while the call is open and whose funded project can start in time; in-kind offers are
matched on capacity, not dollars; some resources take only needs stated in national reports.
"""

from datetime import date

import pytest
from django.utils import translation

from assistance.matching import criteria
from assistance.matching.explain import explain
from assistance.matching.service import need_profile, rematch_needs, resource_profile
from assistance.models import CapacityUnit, Match, StatedNeed

from .conftest import make_need, make_resource

pytestmark = pytest.mark.django_db

NEED_STARTS = date(2027, 3, 1)


def fits(need, resource):
    return criteria.can_contribute(need_profile(need), resource_profile(resource))


def proposed(need, resource=None):
    """The current match of the need (with this resource, if given), or None."""
    rematch_needs([need.pk])
    matches = Match.objects.filter(need=need, is_current=True)
    if resource is not None:
        matches = matches.filter(resources=resource)
    return matches.first()


def call(closes, award=None, decision_days=None, opens=date(2026, 10, 1), **fields):
    return make_resource(
        rolling=False,
        opens=opens,
        closes=closes,
        award_date=award,
        decision_days=decision_days,
        **fields,
    )


# Call timing ---------------------------------------------------------------------------


def test_a_call_whose_awards_come_after_the_need_starts_is_not_proposed():
    need = make_need(start=NEED_STARTS)
    late = call(closes=date(2027, 1, 31), award=date(2027, 4, 15))
    assert not fits(need, late)
    assert proposed(need, late) is None


def test_a_call_decided_before_the_need_starts_is_proposed_and_says_why():
    need = make_need(start=NEED_STARTS)
    timely = call(closes=date(2027, 1, 31), award=date(2027, 2, 15))
    match = proposed(need, timely)
    assert match is not None and match.resource_ids == [timely.pk]
    facts = match.breakdown["facts"]
    assert facts["earliest_start"] == "2027-02-15" and facts["latest_start"] == "2027-03-01"
    assert facts["days_to_close"] == (date(2027, 1, 31) - date(2026, 11, 2)).days
    with translation.override("en"):
        text = explain(match.breakdown)
    assert "The call closes on" in text and "in time for the need's latest useful start" in text


def test_a_later_latest_useful_start_lets_the_need_wait_for_the_awards():
    need = make_need(start=NEED_STARTS, latest_start_date=date(2027, 6, 1))
    assert fits(need, call(closes=date(2027, 1, 31), award=date(2027, 4, 15)))


def test_without_an_award_date_the_decision_takes_its_days_after_the_close():
    need = make_need(start=NEED_STARTS)
    assert fits(need, call(closes=date(2027, 1, 31), decision_days=21))  # 21 February
    assert not fits(need, call(closes=date(2027, 1, 31), decision_days=60))  # 1 April


def test_the_old_rule_a_start_inside_the_window_is_no_longer_enough():
    """The need starts while the call is still open: no project is funded before it closes."""
    need = make_need(start=NEED_STARTS)
    assert not fits(need, call(opens=date(2027, 1, 15), closes=date(2027, 4, 30)))


def test_a_call_that_closed_before_the_need_was_open_cannot_take_it():
    need = make_need(start=NEED_STARTS, open_since=date(2027, 2, 10))
    assert not fits(need, call(closes=date(2027, 1, 31), award=date(2027, 2, 15)))


def test_a_rolling_window_is_open_all_year():
    need = make_need(start=NEED_STARTS, open_since=date(2027, 2, 10))
    assert fits(need, make_resource(rolling=True))
    assert fits(need, make_resource(rolling=True, decision_days=14))  # 24 February
    assert not fits(need, make_resource(rolling=True, decision_days=45))  # 27 March
    match = proposed(need, make_resource(rolling=True, title="Rapid response"))
    with translation.override("en"):
        assert "Applications are accepted all year." in explain(match.breakdown)


def test_bad_timing_input_is_refused_field_by_field(client, secretariat):
    client.force_login(secretariat)
    resource = {
        "kind": "fund",
        "title": "A call",
        "themes": ["marking"],
        "forms": ["financial"],
        "is_global": True,
        "grant_cap": "100000",
        "call_closes": "2027-01-31",
        "award_date": "2027-01-15",
    }
    response = client.post("/api/v2/resources/", resource, content_type="application/json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"award_date"}
    response = client.post(
        "/api/v2/resources/",
        {**resource, "award_date": None, "decision_days": 5000},
        content_type="application/json",
    )
    assert response.status_code == 400 and set(response.json()["errors"]) == {"decision_days"}
    need = {
        "title": "A need",
        "country": "KE",
        "themes": ["marking"],
        "forms": ["financial"],
        "amount": "1000",
        "start_date": "2027-03-01",
        "latest_start_date": "2027-02-01",
        "duration_months": 12,
    }
    response = client.post("/api/v2/needs/", need, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"latest_start_date"}


# In kind -------------------------------------------------------------------------------


def roster(capacity=120, regions=("419",), **fields):
    return make_resource(
        kind="roster",
        forms=("technical-expertise",),
        cap=0,
        is_global=False,
        regions=regions,
        capacity_unit=CapacityUnit.PERSON_DAYS,
        capacity=capacity,
        **fields,
    )


def expertise_need(quantity, unit=CapacityUnit.PERSON_DAYS, country="JM", amount=250_000):
    return make_need(
        country=country,
        forms=("technical-expertise",),
        amount=amount,
        required_unit=unit,
        required_quantity=quantity,
    )


def test_an_in_kind_offer_meets_a_need_within_its_capacity_whatever_the_amount():
    experts = roster(capacity=120)
    need = expertise_need(60, amount=250_000)  # more dollars than any cap: not the test
    match = proposed(need, experts)
    assert match is not None and match.resource_ids == [experts.pk]
    facts = match.breakdown["facts"]
    assert facts["in_kind"] and (facts["capacity"], facts["required_quantity"]) == (120, 60)
    assert "grant_usd" not in facts
    assert match.breakdown["criteria"]["budget"] == round((60 / 120) ** 0.5, 4)
    assert [c.amount_usd for c in match.contributions.all()] == [0]
    with translation.override("en"):
        assert "In kind: 120 person-days of expertise offered, the need requires 60." in (
            explain(match.breakdown)
        )


def test_an_in_kind_offer_too_small_or_counted_otherwise_is_not_proposed():
    experts = roster(capacity=120)
    assert proposed(expertise_need(200), experts) is None  # more person-days than it has
    assert proposed(expertise_need(30, unit=CapacityUnit.PLACES), experts) is None  # not days


def test_an_in_kind_offer_keeps_to_its_regions():
    experts = roster(capacity=120, regions=("419",))
    assert proposed(expertise_need(60, country="KE"), experts) is None


def test_bad_in_kind_input_is_refused_and_nothing_is_written(client, secretariat):
    client.force_login(secretariat)
    offer = {
        "kind": "roster",
        "title": "Experts",
        "themes": ["marking"],
        "forms": ["technical-expertise"],
        "is_global": True,
        "rolling": True,
        "capacity_unit": "person_days",
    }
    response = client.post("/api/v2/resources/", offer, content_type="application/json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"capacity"}
    response = client.post(
        "/api/v2/resources/",
        {**offer, "capacity_unit": "litres", "capacity": 10},
        content_type="application/json",
    )
    assert response.status_code == 400 and "capacity_unit" in response.json()["errors"]
    response = client.post(
        "/api/v2/resources/", {**offer, "capacity": 40}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["grant_cap"] == "0.00"


# Needs stated in national reports ------------------------------------------------------


def report_only_fund():
    return make_resource(requires_need_from_national_report=True)


def test_a_report_only_resource_refuses_a_need_not_stated_in_a_report():
    fund = report_only_fund()
    need = make_need()
    assert not fits(need, fund)
    assert proposed(need, fund) is None


def test_a_report_only_resource_takes_a_need_confirmed_from_a_report_and_says_so():
    fund = report_only_fund()
    need = make_need()
    StatedNeed.objects.create(
        need=need,
        country_code="KE",
        cycle_code="BMS9",
        cycle_year=2026,
        question_code="poa-iii-needs",
        entry_id="e1",
        state=StatedNeed.State.CONFIRMED,
    )
    need.refresh_from_db()
    match = proposed(need, fund)
    assert match is not None and match.resource_ids == [fund.pk]
    assert match.breakdown["facts"]["requires_report"] and match.breakdown["facts"]["from_report"]
    with translation.override("fr"):
        assert explain(match.breakdown)
    with translation.override("en"):
        assert "accepts only needs stated in national reports" in explain(match.breakdown)


def test_a_resources_table_gives_in_kind_capacity_and_timing(tmp_path, capsys):
    from django.core.management import CommandError, call_command

    from assistance.models import Resource

    header = "reference,kind,status,title,themes,forms,is_global,grant_cap,rolling,"
    header += "call_closes,award_date,decision_days,capacity_unit,capacity\n"
    good = "R-1,roster,active,Experts,marking,technical-expertise,yes,0,yes,,,30,person_days,90\n"
    bad = "R-2,fund,active,A call,marking,financial,yes,1000,no,2027-01-31,2027-01-01,,places,\n"
    table = tmp_path / "resources.csv"
    table.write_text(header + good + bad, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_assistance", "resources", str(table))
    errors = capsys.readouterr().err
    assert "row 3, column award_date" in errors and "row 3, column capacity" in errors
    assert not Resource.objects.filter(reference__in=["R-1", "R-2"]).exists()
    table.write_text(header + good, encoding="utf-8")
    call_command("import_assistance", "resources", str(table))
    experts = Resource.objects.get(reference="R-1")
    assert (experts.capacity_unit, experts.capacity, experts.decision_days) == (
        "person_days",
        90,
        30,
    )
