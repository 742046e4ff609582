"""The Wagtail admin opens on every content and taxonomy screen editors use."""

import pytest
from django.urls import reverse

from cms.core.models import HomePage, SectionPage
from cms.library.models import DocumentationPage

pytestmark = pytest.mark.usefixtures("demo_site")

TAXONOMY = [
    "thematicarea",
    "mosaicmodule",
    "assistanceform",
    "organisationtype",
    "organisation",
    "country",
    "region",
]


@pytest.mark.parametrize("model", TAXONOMY)
def test_each_taxonomy_list_opens_in_the_admin(admin_client, model):
    response = admin_client.get(reverse(f"wagtailsnippets_core_{model}:list"), {"locale": "fr"})
    assert response.status_code == 200


@pytest.mark.parametrize("page_model", [HomePage, SectionPage, DocumentationPage])
def test_each_page_type_opens_in_the_editor(admin_client, page_model):
    page = page_model.objects.filter(locale__language_code="ar").first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


def test_the_admin_search_finds_pages(admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Programme"})
    assert response.status_code == 200
    assert "Programme of Action Implementation Support System" in response.content.decode()


def test_the_admin_is_closed_to_anonymous_visitors(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
