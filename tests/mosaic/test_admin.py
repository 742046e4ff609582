"""The secretariat keeps the clause checklists in the admin; nobody else sees them there."""

import pytest
from django.urls import reverse

from cms.mosaic.models import Clause

pytestmark = pytest.mark.django_db


def test_the_secretariat_lists_and_edits_clauses(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("mosaic_clauses:index"))
    assert response.status_code == 200
    first = Clause.objects.first()
    assert first.text[:30] in response.content.decode()
    clause = Clause.objects.get(module__code="05.30", number="5.1.1")
    assert client.get(reverse("mosaic_clauses:edit", args=[clause.pk])).status_code == 200


def test_a_point_of_contact_may_not(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.get(reverse("mosaic_clauses:index"))
    assert response.status_code in (302, 403)
