import pytest

from cms.network import forum

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_rates(settings):
    settings.POAISS_NETWORK = {
        **settings.POAISS_NETWORK,
        "THROTTLE_RATES": {
            "network_ask": "2/hour",
            "network_answer": "2/hour",
            "network_vote": "2/hour",
            "network_flag": "1/hour",
        },
    }


def test_asking_too_often_answers_429(tight_rates, as_user, member, theme):
    api = as_user(member)
    data = {"title": "T", "body": "B", "theme": theme.code, "language": "en"}
    codes = [api.post("/api/v2/network/questions/", data, format="json").status_code for _ in "abc"]
    assert codes == [201, 201, 429]
    assert api.get("/api/v2/network/questions/").status_code == 200  # reading is not limited


def test_answering_voting_and_flagging_are_limited(
    tight_rates, as_user, member, other_member, make_member, theme
):
    question = forum.ask(member, title="Q", body="B", theme=theme, language="en")
    base = f"/api/v2/network/questions/{question.pk}"
    api = as_user(other_member)
    answers = [api.post(f"{base}/answers/", {"body": n}, format="json").status_code for n in "abc"]
    assert answers == [201, 201, 429]
    votes = [
        api.post(f"{base}/votes/", {"post": question.pk, "value": v}, format="json").status_code
        for v in (1, -1, 1)
    ]
    assert votes == [200, 200, 429]
    flagger = as_user(make_member("flagger"))
    flags = [
        flagger.post(f"{base}/flags/", {"post": question.pk, "reason": r}, format="json")
        for r in ("spam", "other")
    ]
    assert [flag.status_code for flag in flags] == [201, 429]
    assert flags[1].json()["message"]
