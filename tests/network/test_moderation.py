import pytest
from django.urls import reverse

from cms.network import forum
from cms.network.models import Flag, MemberProfile, Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, secretariat):
    client.force_login(secretariat)
    return client


def act(client, post, action):
    return client.post(reverse("network_moderation_act", args=[post.pk, action]))


def test_new_members_first_posts_wait_in_the_queue(moderator_client, make_member, theme):
    newcomer = make_member("newcomer", approved_posts=0)
    question = forum.ask(newcomer, title="Held question", body="b", theme=theme, language="en")
    assert question.state == Post.State.PENDING
    page = moderator_client.get(reverse("network_moderation"))
    assert page.status_code == 200 and "Held question" in page.content.decode()
    assert act(moderator_client, question, "approve").status_code == 302
    question.refresh_from_db()
    assert question.state == Post.State.PUBLISHED
    second = forum.ask(newcomer, title="Second", body="b", theme=theme, language="en")
    assert second.state == Post.State.PENDING  # two approvals before posting freely
    act(moderator_client, second, "approve")
    third = forum.ask(newcomer, title="Third", body="b", theme=theme, language="en")
    assert third.state == Post.State.PUBLISHED


def test_flags_hide_restore_and_suspend(moderator_client, member, other_member, theme):
    question = forum.ask(member, title="Flagged", body="spam spam", theme=theme, language="en")
    forum.flag(other_member, question, reason=Flag.Reason.SPAM)
    page = moderator_client.get(reverse("network_moderation")).content.decode()
    assert "Flagged" in page and "Spam or advertising" in page

    act(moderator_client, question, "hide")
    question.refresh_from_db()
    assert question.state == Post.State.HIDDEN
    assert question.flags.get().status == Flag.Status.UPHELD

    act(moderator_client, question, "restore")
    question.refresh_from_db()
    assert question.state == Post.State.PUBLISHED

    act(moderator_client, question, "suspend")
    assert MemberProfile.objects.get(user=member).status == MemberProfile.Status.SUSPENDED


def test_only_the_secretariat_moderates(client, member, theme):
    question = forum.ask(member, title="Q", body="b", theme=theme, language="en")
    member.is_staff = True
    member.save()
    client.force_login(member)
    assert client.get(reverse("network_moderation")).status_code in (302, 403)
    assert act(client, question, "hide").status_code in (302, 403)
    question.refresh_from_db()
    assert question.state == Post.State.PUBLISHED


def test_the_secretariat_manages_members_and_contacts_in_the_admin(moderator_client):
    for name in ("network_members:index", "network_contacts:index"):
        assert moderator_client.get(reverse(name)).status_code == 200
