"""The taxonomy chooser lists each term once, in the admin's language, with a search box."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.core.models import Country

pytestmark = pytest.mark.django_db

CHOOSE = "wagtailsnippetchoosers_core_country:choose"
RESULTS = "wagtailsnippetchoosers_core_country:choose_results"
CHOSEN = "wagtailsnippetchoosers_core_country:chosen"


@pytest.fixture
def french_admin(admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    return admin_user


def test_each_country_once_named_in_the_admin_language_with_a_search_box(client, french_admin):
    client.force_login(french_admin)
    response = client.get(reverse(CHOOSE))
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'name="q"' in html
    assert response.context["results"].paginator.count == Country.objects.source().count()

    results = client.get(reverse(RESULTS), {"q": "allem"})
    names = [str(row) for row in results.context["results"]]
    assert names == ["Allemagne"]


def test_choosing_a_term_for_a_record_stores_its_source_row(client, french_admin):
    client.force_login(french_admin)
    french = Country.objects.in_language("fr").get(code="DE")
    response = client.get(reverse(CHOSEN, args=[french.pk]))
    assert response.json()["result"]["id"] == str(Country.objects.source().get(code="DE").pk)


def test_choosing_for_content_in_a_language_stores_that_languages_row(client, french_admin):
    client.force_login(french_admin)
    response = client.get(reverse(RESULTS), {"q": "Germany", "locale": "ru"})
    assert [row.code for row in response.context["results"]] == []  # named in Russian
    russian = Country.objects.in_language("ru").get(code="DE")
    response = client.get(reverse(CHOSEN, args=[russian.pk]), {"locale": "ru"})
    assert response.json()["result"]["id"] == str(russian.pk)
