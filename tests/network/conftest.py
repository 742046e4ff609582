import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from rest_framework.authtoken.models import Token

from cms.accounts.models import UserProfile
from cms.accounts.roles import SECRETARIAT
from cms.core.models import Country, ThematicArea
from cms.network.models import MemberProfile

THROTTLE_SCOPES = ("network_ask", "network_answer", "network_vote", "network_flag")


def english(model, code):
    return model.objects.get(code=code, locale__language_code="en")


@pytest.fixture
def theme(db):
    return english(ThematicArea, ThematicArea.objects.values_list("code", flat=True).first())


@pytest.fixture
def country(db):
    return english(Country, "KE")


@pytest.fixture
def make_member(django_user_model, country):
    created = []

    def make(username, *, approved_posts=5, status=MemberProfile.Status.ACTIVE, language="en"):
        user = django_user_model.objects.create_user(
            username, email=f"{username}@example.org", password="a-long-member-password"
        )
        UserProfile.objects.create(user=user, preferred_language=language)
        MemberProfile.objects.create(
            user=user,
            status=status,
            display_name=username.title(),
            role=MemberProfile.Role.EXPERT,
            country=country,
            approved_posts=approved_posts,
        )
        created.append(user)
        return user

    yield make
    # Throttle counters live in the throttles cache and outlast the rolled-back users.
    for user in created:
        for scope in THROTTLE_SCOPES:
            caches["throttles"].delete(f"throttle_{scope}_{user.pk}")


@pytest.fixture
def member(make_member):
    return make_member("amina")


@pytest.fixture
def other_member(make_member):
    return make_member("bruno")


@pytest.fixture
def secretariat(django_user_model):
    user = django_user_model.objects.create_user(
        "unoda", email="unoda@example.org", password="a-long-secretariat-password"
    )
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user("outsider", password="a-long-outsider-password")


def client_for(user):
    from rest_framework.test import APIClient

    api = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def as_user():
    return client_for
