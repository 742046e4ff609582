import json

import pytest

from cms.network import forum, membership
from cms.network.models import MemberProfile, Post, Vote

pytestmark = pytest.mark.django_db

MEMBERSHIP = "/api/v2/network/membership/"


def test_an_application_waits_for_the_secretariat(as_user, outsider, secretariat, theme):
    applied = as_user(outsider).post(
        MEMBERSHIP,
        {
            "display_name": "Outsider",
            "role": "expert",
            "country": "ke",
            "languages": ["en", "ar"],
            "expertise": [theme.code],
        },
        format="json",
    )
    assert applied.status_code == 201, applied.json()
    assert applied.json()["status"] == "applied"
    assert applied.json()["expertise"] == [theme.code]
    assert as_user(outsider).get("/api/v2/network/questions/").status_code == 403
    membership.decide_application(secretariat, outsider.network_member, approve=True)
    assert as_user(outsider).get("/api/v2/network/questions/").status_code == 200


def test_bad_applications_are_400(as_user, outsider):
    response = as_user(outsider).post(
        MEMBERSHIP, {"display_name": "X", "role": "pirate", "languages": ["xx"]}, format="json"
    )
    assert response.status_code == 400
    assert {"role", "languages"} <= set(response.json()["errors"])
    assert not MemberProfile.objects.filter(user=outsider).exists()


def test_an_invitation_is_accepted_by_the_invited_user(as_user, outsider, secretariat):
    membership.invite(secretariat, outsider, display_name="Invited", role="un_staff")
    accepted = as_user(outsider).post(f"{MEMBERSHIP}accept-invitation/")
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"


def test_leaving_anonymises_but_keeps_the_posts(as_user, member, other_member, theme):
    question = forum.ask(member, title="Kept", body="Kept body", theme=theme, language="en")
    answer = forum.answer(other_member, question, body="Reply")
    forum.vote(member, answer, 1)
    response = as_user(member).delete(MEMBERSHIP)
    assert response.status_code == 204

    kept = Post.objects.get(pk=question.pk)
    assert kept.author_id is None and kept.body == "Kept body"
    assert Vote.objects.get(post=answer).user_id is None  # the vote still counts
    profile = MemberProfile.objects.get(user=member)
    assert profile.status == "left" and profile.display_name == "" and profile.country is None
    seen = as_user(other_member).get(f"/api/v2/network/questions/{question.pk}/").json()
    assert seen["author"] == {"name": "Former member", "role": None, "country": None}
    assert "Amina" not in json.dumps(seen)
    assert as_user(member).get("/api/v2/network/questions/").status_code == 403


def test_a_member_exports_their_own_data(as_user, member, theme):
    forum.ask(member, title="Mine", body="My body", theme=theme, language="en")
    response = as_user(member).get(f"{MEMBERSHIP}export/")
    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["username"] == "amina"
    assert [post["title"] for post in data["posts"]] == ["Mine"]
    assert data["follows"] and data["follows"][0]["question"]


def test_members_set_their_notification_preferences(as_user, member):
    response = as_user(member).patch(
        MEMBERSHIP, {"digest": "daily", "instant_notifications": False}, format="json"
    )
    assert response.status_code == 200
    profile = MemberProfile.objects.get(user=member)
    assert profile.digest == "daily" and profile.instant_notifications is False


def test_members_cannot_change_what_the_secretariat_vouched_for(as_user, member):
    response = as_user(member).patch(
        MEMBERSHIP, {"role": "national_point_of_contact", "country": "FR"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"country", "role"}
    profile = MemberProfile.objects.get(user=member)
    assert profile.role == "expert" and profile.country_code == "KE"
