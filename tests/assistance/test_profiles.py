"""A country profile lists the country's assistance needs (as far as the viewer may see them)."""

import pytest

from assistance.models import Need

from .conftest import make_user

pytestmark = pytest.mark.django_db


def section(client, code, name, **params):
    response = client.get(f"/api/v2/countries/{code}/profile/", params)
    assert response.status_code == 200, response.content
    sections = {item["name"]: item["data"] for item in response.json()["sections"]}
    return sections.get(name)


def test_the_public_sees_a_countrys_published_needs_only(client):
    hidden = Need.objects.exclude(status__in=Need.PUBLIC_STATUSES).first()
    country = hidden.country.code
    public_titles = set(
        Need.objects.filter(
            country__code=country, status__in=Need.PUBLIC_STATUSES, consent_to_publish=True
        ).values_list("title", flat=True)
    )
    shown = {need["title"] for need in section(client, country, "needs")}
    assert shown == public_titles
    assert hidden.title not in shown

    npc = make_user("profile-npc", "National points of contact", country=country)
    client.force_login(npc)
    assert hidden.title in {need["title"] for need in section(client, country, "needs")}
