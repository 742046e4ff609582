"""The public country pages: the reporting States by region, and each State's profile."""

import pytest

from assistance.models import Need
from cms.accounts import roles
from cms.core.models import Country
from cms.network.models import PointOfContact
from tests.assistance.conftest import make_need, make_user

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(db):
    return PointOfContact.objects.create(
        country=Country.objects.get(code="KE", locale__language_code="en"),
        instrument="poa",
        scope="national",
        name="Ms Achieng",
        organisation="Kenya National Focal Point",
        email="focal.point@example.org",
        telephone="+254 20 555",
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_reporting_states_are_listed_by_region(client, language):
    response = client.get(f"/{language}/countries/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert len(html.select("main h2")) >= 5
    links = {a["href"] for a in html.select(".country-list a")}
    assert f"/{language}/countries/KE/" in links
    assert len(links) == Country.objects.reporting_states().source().count()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_country_page_renders_the_profile(client, contact, language):
    response = client.get(f"/{language}/countries/KE/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert html.h1.get_text(strip=True) == Country.objects.by_code("KE", language).name
    hrefs = {a["href"] for a in html.select("main a")}
    assert f"/{language}/needs/?country=KE" in hrefs
    assert f"/{language}/projects/?country=KE" in hrefs
    assert "Ms Achieng" in html.get_text()


def test_members_only_contact_details_show_to_those_entitled(client, contact):
    assert "focal.point@example.org" not in client.get("/en/countries/KE/").content.decode()
    client.force_login(make_user("secretariat", roles.SECRETARIAT))
    assert "focal.point@example.org" in client.get("/en/countries/KE/").content.decode()


def test_unpublished_needs_stay_off_the_public_profile(client):
    published = make_need(title="Published kits for marking")
    make_need(title="Draft zanzibarite plan", status=Need.Status.DRAFT)
    html = soup(client.get("/en/countries/KE/"))
    text = html.get_text()
    assert "Published kits for marking" in text and "Draft zanzibarite plan" not in text
    assert html.find("a", href=f"/en/needs/{published.pk}/")
    client.force_login(make_user("npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, country="KE"))
    assert "Draft zanzibarite plan" in client.get("/en/countries/KE/").content.decode()


def test_national_reports_link_to_their_pages(client):
    from cms.library.models import NationalReportPage

    report = NationalReportPage.objects.live().public().filter(locale__language_code="en").first()
    if report is None:
        pytest.skip("the demo has no published national report")
    html = soup(client.get(f"/en/countries/{report.country.code}/"))
    assert html.find("a", href=report.url)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_unknown_country_is_not_found_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/countries/ZZ/")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == language
    assert html.html["dir"] == ("rtl" if language == "ar" else "ltr")
