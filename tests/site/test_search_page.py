"""/<language>/search/: the API's search service as an HTML page, without JavaScript."""

import pytest
from django.utils import translation

from cms.core.models import ThematicArea
from cms.network.models import Post, Question

from .conftest import soup

pytestmark = pytest.mark.usefixtures("demo_site")


def search(client, language="en", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return soup(response)


def titles(html):
    return [h3.get_text(strip=True) for h3 in html.select("ol.results h3")]


def facet(html, parameter):
    items = html.find("ul", attrs={"aria-labelledby": f"facet-{parameter}"}).find_all("a")
    return {a.get_text(strip=True): a["href"] for a in items}


def test_the_search_box_is_in_every_page_header(client):
    html = soup(client.get("/es/"))
    form = html.find("form", role="search")
    assert form["method"] == "get" and form["action"] == "/es/search/"
    assert form.find("input", attrs={"name": "q"})["id"] == form.label["for"]


def test_results_come_with_highlighted_snippets_and_facets(client):
    html = search(client, q="marking")
    assert titles(html)
    assert html.select("ol.results mark")
    kinds = facet(html, "type")
    assert "Best practice" in kinds and "Documentation page" in kinds
    assert "Marking" in facet(html, "theme")
    assert facet(html, "country")


def test_a_facet_link_narrows_the_results_and_marks_itself(client):
    html = search(client, q="marking")
    link = facet(html, "type")["Best practice"]
    narrowed = soup(client.get(f"/en/search/{link}"))
    assert titles(narrowed) == ["Marking small arms at the time of import"]
    selected = narrowed.find("ul", attrs={"aria-labelledby": "facet-type"}).find(
        "a", attrs={"aria-current": "true"}
    )
    assert selected.get_text(strip=True) == "Best practice"


def test_results_are_paginated_with_plain_links(client):
    html = search(client, q="marking", page_size=2)
    pages = html.find("nav", class_="pagination")
    assert pages.find("a", attrs={"aria-current": "page"}).get_text(strip=True).endswith("1")
    following = pages.find("a", rel="next")["href"]
    assert "page=2" in following and "q=marking" in following
    second = soup(client.get(f"/en/search/{following}"))
    assert titles(second) and titles(second) != titles(html)


def test_searching_in_arabic_finds_arabic_pages(client):
    html = search(client, "ar", q="الوسم")
    assert titles(html)
    assert {li["lang"] for li in html.select("ol.results > li")} == {"ar"}
    assert html.html["dir"] == "rtl"


def test_visitors_never_find_members_only_threads(client, django_capture_on_commit_callbacks):
    theme = ThematicArea.objects.get(code="marking", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        Question.objects.create(
            title="Quixotic ammunition lots",
            body="Quixotic numbering of lots.",
            theme=theme,
            language="en",
            state=Post.State.PUBLISHED,
        )
    html = search(client, q="quixotic")
    assert titles(html) == []
    assert "Quixotic" not in html.get_text()


def test_visitors_never_find_drafts(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = home.get_children().live().first().specific
        page.title = "Zanzibarite draft title"
        page.save_revision()
    html = search(client, q="zanzibarite")
    assert titles(html) == []


def test_a_query_too_long_is_refused_in_the_visitors_language(client):
    html = search(client, "fr", q="x" * 300)
    assert html.find(class_="errors")
    assert not html.select("ol.results")


def test_without_a_query_the_page_shows_only_the_form(client):
    html = search(client, "zh-hans")
    with translation.override("zh-hans"):
        assert html.h1.get_text(strip=True) == translation.gettext("Search")
    assert html.find("input", attrs={"name": "q"})
    assert not html.select("ol.results")
