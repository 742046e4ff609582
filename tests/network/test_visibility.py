"""Members-only threads and contact details never reach those who may not see them."""

import pytest

from cms.network import forum
from cms.network.models import PointOfContact

pytestmark = pytest.mark.django_db

SECRET = "Confidential stockpile location"


@pytest.fixture
def thread(member, other_member, theme):
    question = forum.ask(member, title=SECRET, body=SECRET, theme=theme, language="en")
    answer = forum.answer(other_member, question, body=SECRET)
    comment = forum.comment(other_member, question, body=SECRET, on_answer=answer)
    return question, answer, comment


@pytest.fixture
def contact(country):
    return PointOfContact.objects.create(
        country=country,
        instrument=PointOfContact.Instrument.BOTH,
        name="Wanjiru Test",
        organisation="Kenya National Focal Point on Small Arms and Light Weapons",
        role_title="Director",
        email="secret-contact@example.org",
        telephone="+254 20 000 0000",
    )


def members_only_urls(question, answer, comment):
    base = f"/api/v2/network/questions/{question.pk}"
    return [
        "/api/v2/network/questions/",
        f"/api/v2/network/questions/?search={SECRET.split()[0]}",
        f"{base}/",
        f"{base}/answers/",
        f"{base}/comments/",
        f"{base}/revisions/",
        f"{base}/answers/{answer.pk}/",
        f"{base}/comments/{comment.pk}/",
        "/api/v2/network/themes/",
        "/api/v2/network/membership/",
        "/api/v2/network/membership/export/",
        "/api/v2/contacts/export/",
    ]


def test_anonymous_clients_are_refused_every_members_only_endpoint(client, thread):
    for url in members_only_urls(*thread):
        response = client.get(url)
        assert response.status_code == 401, url
        body = response.content.decode()
        assert SECRET not in body and "total_count" not in body, url


def test_signed_in_outsiders_are_refused_too(as_user, outsider, thread):
    api = as_user(outsider)
    for url in members_only_urls(*thread)[:9]:
        response = api.get(url)
        assert response.status_code == 403, url
        assert SECRET not in response.content.decode()


def test_anonymous_writes_are_refused_and_change_nothing(client, thread, theme):
    question, answer, _comment = thread
    base = f"/api/v2/network/questions/{question.pk}"
    attempts = [
        ("/api/v2/network/questions/", {"title": "t", "body": "b", "theme": theme.code}),
        (f"{base}/answers/", {"body": "b"}),
        (f"{base}/votes/", {"post": answer.pk, "value": 1}),
        (f"{base}/flags/", {"post": answer.pk, "reason": "spam"}),
        (f"{base}/follow/", {}),
        (f"{base}/answers/{answer.pk}/accept/", {}),
    ]
    for url, data in attempts:
        assert client.post(url, data, content_type="application/json").status_code == 401, url
    question.refresh_from_db()
    assert question.accepted_answer_id is None
    assert not answer.votes.exists() and not answer.flags.exists()


def test_suspended_and_former_members_lose_access(as_user, make_member, thread):
    from cms.network.models import MemberProfile

    suspended = make_member("suspended", status=MemberProfile.Status.SUSPENDED)
    applicant = make_member("applicant", status=MemberProfile.Status.APPLIED)
    for user in (suspended, applicant):
        response = as_user(user).get("/api/v2/network/questions/")
        assert response.status_code == 403


def test_the_public_sees_names_but_never_contact_details(client, contact):
    listing = client.get("/api/v2/contacts/", {"country": "KE"})
    assert listing.status_code == 200
    (item,) = [item for item in listing.json()["items"] if item["id"] == contact.pk]
    assert item["name"] == "Wanjiru Test" and item["country"]["code"] == "KE"
    assert "email" not in item and "telephone" not in item
    detail = client.get(f"/api/v2/contacts/{contact.pk}/")
    assert "secret-contact" not in detail.content.decode()
    assert "+254" not in detail.content.decode()


def test_members_and_the_secretariat_see_contact_details(as_user, member, secretariat, contact):
    for user in (member, secretariat):
        item = as_user(user).get(f"/api/v2/contacts/{contact.pk}/").json()
        assert item["email"] == "secret-contact@example.org"
        assert item["telephone"] == "+254 20 000 0000"


def test_a_cached_public_answer_never_serves_details_nor_the_reverse(
    client, as_user, member, contact
):
    client.get(f"/api/v2/contacts/{contact.pk}/")  # fills the shared cache
    member_view = as_user(member).get(f"/api/v2/contacts/{contact.pk}/").json()
    assert member_view["email"]
    public_view = client.get(f"/api/v2/contacts/{contact.pk}/").json()
    assert "email" not in public_view


def test_only_the_secretariat_exports_the_directory(as_user, member, secretariat, contact):
    assert as_user(member).get("/api/v2/contacts/export/").status_code == 403
    response = as_user(secretariat).get("/api/v2/contacts/export/", {"country": "KE"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "country,instrument,scope,name,organisation,role_title,email,telephone"
    assert any("secret-contact@example.org" in line for line in lines[1:])


def test_a_members_own_held_post_is_visible_to_them_only(as_user, make_member, other_member, theme):
    newcomer = make_member("newcomer", approved_posts=0)
    asked = as_user(newcomer).post(
        "/api/v2/network/questions/",
        {"title": "Held", "body": SECRET, "theme": theme.code, "language": "en"},
        format="json",
    )
    assert asked.json()["state"] == "pending"
    question_id = asked.json()["id"]
    assert as_user(newcomer).get(f"/api/v2/network/questions/{question_id}/").status_code == 200
    assert as_user(other_member).get(f"/api/v2/network/questions/{question_id}/").status_code == 404
    listing = as_user(other_member).get("/api/v2/network/questions/").json()
    assert question_id not in [item["id"] for item in listing["items"]]


def test_a_change_to_the_directory_reaches_cached_public_answers(
    client, country, django_capture_on_commit_callbacks
):
    before = client.get("/api/v2/contacts/", {"country": "KE"}).json()["meta"]["total_count"]
    with django_capture_on_commit_callbacks(execute=True):
        PointOfContact.objects.create(
            country=country, instrument="poa", name="New Person", organisation="New Office"
        )
    after = client.get("/api/v2/contacts/", {"country": "KE"}).json()["meta"]["total_count"]
    assert after == before + 1
