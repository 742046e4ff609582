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


def test_the_requirement_is_translated_in_a_field_per_language(client, secretariat):
    clause = Clause.objects.get(module__code="05.30", number="5.1.1")
    client.force_login(secretariat)
    edit = reverse("mosaic_clauses:edit", args=[clause.pk])
    response = client.get(edit)
    html = response.content.decode()
    assert 'lang="fr"' in html and 'class="poaiss-translation" lang="en"' not in html
    data = {
        "module": clause.module_id,
        "number": clause.number,
        "theme": clause.theme_id or "",
        "text": clause.text,
        "sort_order": clause.sort_order,
        "translations_0": "L'exigence en français.",  # fr
        "translations_4": "",  # zh-hans
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    clause.refresh_from_db()
    assert clause.translations == {"fr": "L'exigence en français."}
