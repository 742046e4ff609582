import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from cms.accounts import roles
from cms.accounts.models import UserProfile
from cms.core.models import Country
from cms.mosaic.permissions import NATIONAL_ASSESSORS

ASSESSMENTS = "/api/v2/mosaic/assessments/"


def make_user(username, group=None, country=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.create(
        user=user, country=Country.objects.by_code(country) if country else None
    )
    return user


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def kenya_npc(db):
    return make_user("mosaic-npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, "KE")


@pytest.fixture
def kenya_delegate(db):
    return make_user("mosaic-delegate-ke", NATIONAL_ASSESSORS, "KE")


@pytest.fixture
def jamaica_npc(db):
    return make_user("mosaic-npc-jm", roles.NATIONAL_POINTS_OF_CONTACT, "JM")


@pytest.fixture
def donor(db):
    return make_user("mosaic-donor", roles.DONORS)


@pytest.fixture
def secretariat(db):
    return make_user("mosaic-secretariat", roles.SECRETARIAT)


def create_assessment(client, modules=("05.30",), country="KE", title="Baseline 2026"):
    response = client.post(
        ASSESSMENTS,
        {"country": country, "modules": list(modules), "title": title},
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def rate(client, assessment_id, ratings):
    """ratings: {number: (rating, priority)} of module 05.30."""
    payload = {
        "ratings": [
            {"clause": f"05.30/{number}", "rating": rating, "priority": priority, "evidence": ""}
            for number, (rating, priority) in ratings.items()
        ]
    }
    return client.post(f"{ASSESSMENTS}{assessment_id}/ratings/", payload, format="json")
