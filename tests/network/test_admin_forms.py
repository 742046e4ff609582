"""The member admin: country and expertise once per term, languages as boxes to tick."""

import pytest
from django.urls import reverse

from cms.core.models import Country, ThematicArea

pytestmark = pytest.mark.django_db


def test_a_members_languages_and_expertise_are_chosen_not_typed(client, secretariat, make_member):
    profile = make_member("candice").network_member
    client.force_login(secretariat)
    url = reverse("network_members:edit", args=[profile.pk])
    form = client.get(url).context["form"]
    assert set(
        form.fields["expertise"].queryset.values_list("locale__language_code", flat=True)
    ) == {"en"}
    assert form.fields["country"].queryset.count() == Country.objects.source().count()
    marking = ThematicArea.objects.by_code("marking")
    data = {
        "status": profile.status,
        "display_name": profile.display_name,
        "role": profile.role,
        "instrument": "",
        "country": Country.objects.by_code("KE").pk,
        "organisation": "",
        "languages": ["fr", "ar"],
        "expertise": [marking.pk],
        "application_note": "",
        "digest": "weekly",
        "approved_posts": "5",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    profile.refresh_from_db()
    assert profile.languages == ["fr", "ar"]
    assert list(profile.expertise.all()) == [marking]
