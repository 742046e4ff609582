"""The public pages of needs, resources and projects: the API's visibility rules, as HTML."""

from datetime import date
from decimal import Decimal

import pytest

from assistance.models import Need, Project, Resource
from cms.accounts import roles
from cms.core.models import Country
from tests.assistance.conftest import make_need, make_resource, make_user

from .conftest import soup

pytestmark = pytest.mark.django_db


def titles(response):
    return [h3.get_text(strip=True) for h3 in soup(response).select(".results h3")]


def make_project(code="SALW-1", country="KE"):
    project = Project.objects.create(
        code=code,
        title="Marking in the Great Lakes",
        start_date=date(2026, 1, 15),
        end_date=date(2027, 6, 30),
        amount=Decimal("250000"),
        currency="USD",
    )
    project.focus_countries.set(Country.objects.by_codes([country]))
    return project


@pytest.fixture
def needs(db):
    return {
        "published": make_need(title="Published marking kits", contact_name="Ms Wanjiru"),
        "draft": make_need(title="Draft zanzibarite plan", status=Need.Status.DRAFT),
        "submitted": make_need(
            title="Unvalidated quokkaline request", status=Need.Status.SUBMITTED
        ),
        "jamaica": make_need(
            country="JM", themes=("stockpile-management",), title="Jamaican depot"
        ),
    }


@pytest.mark.parametrize("kind", ["needs", "resources", "projects"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_listing_renders_in_english_and_arabic(client, kind, language):
    response = client.get(f"/{language}/{kind}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert html.select_one("form.filters select[name=country]")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_detail_renders_in_english_and_arabic(client, needs, language):
    resource = make_resource(title="Open marking fund")
    project = make_project()
    for url in (
        f"/{language}/needs/{needs['published'].pk}/",
        f"/{language}/resources/{resource.pk}/",
        f"/{language}/projects/{project.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup(response).html["dir"] == ("rtl" if language == "ar" else "ltr")


def test_visitors_see_neither_drafts_nor_unvalidated_needs(client, needs):
    listed = titles(client.get("/en/needs/"))
    assert "Published marking kits" in listed
    assert "Draft zanzibarite plan" not in listed
    assert "Unvalidated quokkaline request" not in listed
    assert client.get(f"/en/needs/{needs['draft'].pk}/").status_code == 404
    assert client.get(f"/en/needs/{needs['submitted'].pk}/").status_code == 404


def test_the_states_point_of_contact_sees_its_own_unpublished_needs(client, needs):
    client.force_login(make_user("npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, country="KE"))
    listed = titles(client.get("/en/needs/"))
    assert {"Draft zanzibarite plan", "Unvalidated quokkaline request"} <= set(listed)
    assert client.get(f"/en/needs/{needs['draft'].pk}/").status_code == 200


def test_a_needs_contact_shows_only_to_those_entitled(client, needs):
    url = f"/en/needs/{needs['published'].pk}/"
    assert "Ms Wanjiru" not in client.get(url).content.decode()
    client.force_login(make_user("secretariat", roles.SECRETARIAT))
    assert "Ms Wanjiru" in client.get(url).content.decode()


def test_draft_resources_stay_hidden_from_visitors(client):
    make_resource(title="Active vicuñite fund")
    hidden = make_resource(title="Draft vicuñite fund", status=Resource.Status.DRAFT)
    listed = titles(client.get("/en/resources/"))
    assert "Active vicuñite fund" in listed and "Draft vicuñite fund" not in listed
    assert client.get(f"/en/resources/{hidden.pk}/").status_code == 404


def test_filters_narrow_the_list_as_the_api_does(client, needs):
    in_jamaica = titles(client.get("/en/needs/?country=JM"))
    assert "Jamaican depot" in in_jamaica and "Published marking kits" not in in_jamaica
    by_theme = titles(client.get("/en/needs/?theme=stockpile-management"))
    assert "Jamaican depot" in by_theme and "Published marking kits" not in by_theme
    html = soup(client.get("/en/needs/?country=JM"))
    assert html.select_one("select[name=country] option[selected]")["value"] == "JM"
    assert "Published marking kits" not in titles(client.get("/en/needs/?status=completed"))
    response = client.get("/en/needs/?status=nonsense")
    assert response.status_code == 200 and soup(response).select_one(".errors")


def test_amounts_and_dates_follow_the_language(client, needs):
    url = f"/fr/needs/{needs['published'].pk}/"
    text = soup(client.get(url)).select_one("dl.facts").get_text(" ")
    assert "100 000,00" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "1 mars 2027" in text.replace("\xa0", " ").replace("er", "")


def test_the_list_is_paginated_with_plain_links(client):
    for number in range(25):
        make_need(title=f"Need number {number}", start=date(2027, 1, 1))
    html = soup(client.get("/en/needs/"))
    assert len(html.select(".results li")) == 20
    assert html.select_one(".pagination a[rel=next]")["href"].endswith("page=2")
    assert client.get("/en/needs/?page=2").status_code == 200
    assert client.get("/en/needs/?page=99").status_code == 404


def test_country_names_follow_the_language(client, needs):
    text = soup(client.get(f"/ar/needs/{needs['published'].pk}/")).select_one("dl.facts").text
    assert Country.objects.by_code("KE", "ar").name in text
    assert "Kenya" not in text
