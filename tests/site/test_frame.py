"""The frame every public page shares: menus, breadcrumbs, languages, error pages."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults
from wagtail.models import Locale, Page

from cms.core.languages import UN_LANGUAGE_CODES
from cms.library.models import DocumentationPage, WorldOverviewPage
from cms.website.demo import FOOTER_SLUGS
from cms.website.models import NavigationMenu

from .conftest import home_in, soup

pytestmark = pytest.mark.usefixtures("demo_site")


def menu_links(html, label_start):
    nav = next(nav for nav in html.find_all("nav") if nav.get("aria-label") == label_start)
    return [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]


@pytest.mark.parametrize("language", UN_LANGUAGE_CODES)
def test_the_demo_menus_link_each_language_to_its_own_top_level_pages(client, language):
    assert NavigationMenu.objects.filter(locale__language_code=language).count() == 2
    home = home_in(language)
    sections = [(page.title, page.url) for page in home.get_children().live().public()]
    with translation.override(language):
        html = soup(client.get(home.url))
        main = menu_links(html, translation.gettext("Main menu"))
        footer = menu_links(html, translation.gettext("Footer"))
    assert main == sections
    assert all(url.startswith(f"/{language}/") for _title, url in main)
    assert footer[-1][1] == "/api/docs/"
    about_and_library = [
        home_in("en").get_children().get(slug=slug).get_translation(home.locale)
        for slug in FOOTER_SLUGS
    ]
    assert footer[:-1] == [(page.title, page.url) for page in about_and_library]


def test_a_menu_never_shows_a_draft_or_private_page(client, home, draft_page, private_page):
    menu = NavigationMenu.objects.get(place="main", locale=home.locale)
    menu.links.append(("page", {"page": draft_page, "label": ""}))
    menu.links.append(("page", {"page": private_page, "label": "Private"}))
    menu.save()
    body = client.get("/en/").content.decode()
    assert "zanzibarite" not in body and "/private/" not in body


def test_breadcrumbs_lead_from_home_to_the_current_page(client):
    page = DocumentationPage.objects.live().filter(locale__language_code="ar").first()
    html = soup(client.get(page.url))
    nav = html.find("nav", class_="breadcrumbs")
    with translation.override("ar"):
        assert nav["aria-label"] == translation.gettext("Breadcrumbs")
    items = nav.ol.find_all("li")
    expected = [*page.get_ancestors().filter(depth__gt=1), page]
    assert [li.a["href"] for li in items] == [p.url for p in expected]
    assert items[-1].a["aria-current"] == "page"
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"


def test_the_language_switcher_keeps_the_page(client):
    page = DocumentationPage.objects.live().filter(locale__language_code="en").first()
    html = soup(client.get(page.url))
    languages = html.find("nav", class_="languages")
    links = {a["hreflang"]: a["href"] for a in languages.find_all("a")}
    translations = {
        p.locale.language_code: p.url for p in page.get_translations(inclusive=True).live()
    }
    assert links == translations and len(links) == 6
    assert languages.find("a", attrs={"aria-current": "true"})["hreflang"] == "en"
    assert all(a["lang"] == a["hreflang"] for a in languages.find_all("a"))
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert alternates["fr"] == f"http://testserver{translations['fr']}"
    assert alternates["x-default"] == f"http://testserver{translations['en']}"


def test_the_language_switcher_keeps_the_filters_of_a_page(client):
    overview = WorldOverviewPage.objects.live().get(locale__language_code="en")
    html = soup(client.get(overview.url, {"cycle": "BMS9", "region": "002"}))
    links = {a["hreflang"]: a["href"] for a in html.find("nav", class_="languages").find_all("a")}
    french = overview.get_translation(Locale.objects.get(language_code="fr"))
    assert links["fr"] == f"{french.url}?cycle=BMS9&region=002"


def test_the_language_switcher_keeps_the_path_and_query_of_other_views(client):
    html = soup(client.get("/fr/search/", {"q": "marquage"}))
    links = {a["hreflang"]: a["href"] for a in html.find("nav", class_="languages").find_all("a")}
    assert links["ar"] == "/ar/search/?q=marquage"
    assert links["zh-hans"] == "/zh-hans/search/?q=marquage"


def test_every_page_type_renders_in_the_frame_in_english_and_arabic(client):
    seen = set()
    pages = Page.objects.live().public().filter(depth__gt=1)
    for page in pages.filter(locale__language_code__in=["en", "ar"]):
        specific = page.specific_class
        if (specific, page.locale_id) in seen:
            continue
        seen.add((specific, page.locale_id))
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, specific)
        html = soup(response)
        assert html.find("a", class_="skip-link")["href"] == "#main"
        assert html.find("main", id="main")
        assert html.find("form", role="search")["action"].endswith("/search/")
    assert len(seen) > 10


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_not_found_speaks_the_visitors_language(client, language, direction):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == language and html.html["dir"] == direction
    with translation.override(language):
        assert translation.gettext("Page not found") in html.h1.get_text()
    assert html.find("form", role="search")["action"] == f"/{language}/search/"


def test_the_api_keeps_its_json_404(client):
    response = client.get("/api/v2/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_server_error_page_needs_neither_the_database_nor_context_processors(
    django_assert_num_queries,
):
    request = RequestFactory().get("/ar/")
    with translation.override("ar"), django_assert_num_queries(0):
        response = defaults.server_error(request)
    html = soup(response)
    assert response.status_code == 500
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    assert html.find("link", rel="stylesheet")["href"] == "/static/website/site.css"


def test_views_that_are_not_pages_render_in_the_frame_too(client):
    response = client.get("/certificates/verify/NO-SUCH-CODE/")
    assert response.status_code == 404
    html = soup(response)
    assert html.find("a", class_="skip-link") and html.find("form", role="search")
    assert html.find("meta", property="og:title")["content"] == "PoA-ISS"
    # Neither breadcrumbs nor other languages: the route has no language prefix.
    assert not html.find("nav", class_="breadcrumbs")
    assert not html.find("nav", class_="languages")
