"""Menus are snippets editors translate with wagtail-localize, like the pages they link to."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from cms.website.models import NavigationMenu

pytestmark = pytest.mark.usefixtures("demo_site")


def test_the_menus_list_and_editor_open_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_website_navigationmenu:list"))
    assert response.status_code == 200
    menu = NavigationMenu.objects.get(place="main", locale__language_code="ar")
    edit = reverse("wagtailsnippets_website_navigationmenu:edit", args=[menu.pk])
    assert admin_client.get(edit).status_code == 200


def test_the_six_menus_of_a_place_are_translations_of_each_other():
    menus = NavigationMenu.objects.filter(place="footer")
    assert menus.count() == 6
    assert len({menu.translation_key for menu in menus}) == 1


def test_wagtail_localize_offers_labels_for_translation_and_links_pages():
    menu = NavigationMenu.objects.get(place="footer", locale=Locale.get_default())
    source, _created = TranslationSource.get_or_create_from_instance(menu)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "API documentation" in strings


def test_a_menu_missing_in_a_language_falls_back_to_the_default_one(client):
    NavigationMenu.objects.filter(place="main", locale__language_code="ru").delete()
    russian = Locale.objects.get(language_code="ru")
    fallback = NavigationMenu.for_place("main", russian)
    assert fallback.locale == Locale.get_default()
    # Its links still lead to the Russian pages where they exist.
    assert all(url.startswith("/ru/") for _label, url in fallback.items(russian))
