"""The need follows its matches: agreed, funded, completed - each step in its history."""

import os
from decimal import Decimal

import pytest

from assistance.models import Match, MatchResource, Need

from .conftest import make_need, make_resource

pytestmark = pytest.mark.django_db


def match_for(need, resource, amount):
    match = Match.objects.create(need=need, resource_key=str(resource.pk), score=Decimal("50"))
    MatchResource.objects.create(match=match, resource=resource, amount_usd=Decimal(amount))
    return match


def steps(need):
    return [(step.from_status, step.to_status) for step in need.history.all()]


def test_a_funded_match_moves_its_need_to_funded_with_a_history_entry(secretariat):
    need = make_need(amount=100_000, status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    match.change_status(Match.Status.AGREED, secretariat)
    need.refresh_from_db()
    assert need.status == Need.Status.MATCHED
    match.change_status(Match.Status.FUNDED, secretariat)
    need.refresh_from_db()
    assert need.status == Need.Status.FUNDED
    assert steps(need) == [("published", "matched"), ("matched", "funded")]
    last = need.history.last()
    assert last.changed_by == secretariat and f"Match {match.pk}" in last.note
    match.change_status(Match.Status.COMPLETED, secretariat)
    need.refresh_from_db()
    assert need.status == Need.Status.COMPLETED
    assert steps(need)[-1] == ("funded", "completed")


def test_a_match_funding_part_of_the_need_makes_it_partly_funded():
    need = make_need(amount=300_000, status=Need.Status.VALIDATED)
    first = match_for(need, make_resource(title="First"), 200_000)
    first.change_status(Match.Status.AGREED)
    first.change_status(Match.Status.FUNDED)
    need.refresh_from_db()
    assert need.status == Need.Status.PARTLY_FUNDED
    second = match_for(need, make_resource(title="Second"), 100_000)
    second.change_status(Match.Status.AGREED)
    second.change_status(Match.Status.FUNDED)
    need.refresh_from_db()
    assert need.status == Need.Status.FUNDED
    assert steps(need) == [
        ("validated", "matched"),
        ("matched", "partly_funded"),
        ("partly_funded", "funded"),
    ]


def test_declining_the_agreed_match_puts_the_need_back(secretariat):
    need = make_need(status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    match.change_status(Match.Status.AGREED, secretariat)
    match.decline_reason = "The State found another partner."
    match.change_status(Match.Status.DECLINED, secretariat)
    need.refresh_from_db()
    assert need.status == Need.Status.PUBLISHED
    assert steps(need) == [("published", "matched"), ("matched", "published")]


def test_a_withdrawn_need_does_not_move():
    need = make_need(status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    need.change_status(Need.Status.WITHDRAWN)
    match.change_status(Match.Status.AGREED)
    need.refresh_from_db()
    assert need.status == Need.Status.WITHDRAWN


def test_funding_through_the_api_moves_the_need(client, secretariat):
    need = make_need(amount=100_000, status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    client.force_login(secretariat)
    url = f"/api/v2/matches/{match.pk}/review/"
    for status in ("agreed", "funded"):
        response = client.post(url, {"status": status}, content_type="application/json")
        assert response.status_code == 200, response.content
    need_data = client.get(f"/api/v2/needs/{need.pk}/").json()
    assert need_data["status"] == "funded"
    assert [step["to_status"] for step in need_data["history"]] == ["matched", "funded"]


def test_ratings_come_on_a_funded_or_completed_match_within_the_scale(client, secretariat):
    need = make_need(status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    client.force_login(secretariat)
    url = f"/api/v2/matches/{match.pk}/feedback/"
    answer = {"side": "recipient", "need_met": True, "rating": 4, "comment": "Done."}
    response = client.post(url, answer, content_type="application/json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"rating"}
    match.change_status(Match.Status.AGREED)
    match.change_status(Match.Status.FUNDED)
    match.change_status(Match.Status.COMPLETED)
    for bad in (0, 6, "4", True):
        response = client.post(url, {**answer, "rating": bad}, content_type="application/json")
        assert response.status_code == 400 and set(response.json()["errors"]) == {"rating"}
    match.refresh_from_db()
    assert match.recipient_rating is None and match.recipient_feedback == ""
    response = client.post(url, answer, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["recipient_rating"] == 4


def test_the_coverage_report_sums_up_feedback_by_region_and_theme(secretariat):
    from assistance.reports import coverage

    need = make_need(country="KE", themes=("marking",), status=Need.Status.PUBLISHED)
    match = match_for(need, make_resource(), 100_000)
    for status in (Match.Status.AGREED, Match.Status.FUNDED, Match.Status.COMPLETED):
        match.change_status(status, secretariat)
    match.need_met_by_recipient, match.recipient_rating = True, 4
    match.need_met_by_provider, match.provider_rating = True, 5
    match.save()
    report = coverage.build(coverage.counted_needs(secretariat), "en")
    [row] = [r for r in report["feedback"] if (r["region"], r["theme"]) == ("002", "marking")]
    assert row["matches"] == 1
    assert (row["recipient_rating"], row["provider_rating"]) == (4.0, 5.0)
    assert (row["recipient_met"], row["recipient_answers"]) == (1, 1)
    assert row["region_name"] == "Africa"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="row locks need PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_halves_funded_at_once_make_the_need_funded():
    """Each match is funded in its own transaction at the same moment: the need's row lock
    makes the second see the first, so the need ends funded, not partly funded."""
    import threading

    from django.db import connections, transaction

    need = make_need(amount=200_000, status=Need.Status.PUBLISHED)
    halves = [match_for(need, make_resource(title=f"Half {n}"), 100_000) for n in (1, 2)]
    for match in halves:
        match.change_status(Match.Status.AGREED)
    barrier = threading.Barrier(2)
    failures = []

    def fund(pk):
        try:
            with transaction.atomic():
                match = Match.objects.select_for_update().get(pk=pk)
                barrier.wait(timeout=10)
                match.change_status(Match.Status.FUNDED)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=fund, args=(match.pk,)) for match in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert failures == []
    need.refresh_from_db()
    assert need.status == Need.Status.FUNDED
    assert [step.to_status for step in need.history.all()][-1] == Need.Status.FUNDED
