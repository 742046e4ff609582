import pytest
from django.test import override_settings
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.core.models import HomePage, SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def untranslated_page(django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    page = SectionPage(
        title="Regional centres", slug="regional-centres", intro="Lomé, Lima, Kathmandu"
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def items(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_a_listing_serves_one_language(client):
    listed = items(client, locale="fr", limit=50)
    assert {item["meta"]["locale"] for item in listed} == {"fr"}
    assert all(item["meta"]["is_fallback"] is False for item in listed)


def test_accept_language_chooses_the_language_when_locale_is_absent(client):
    response = client.get(
        "/api/v2/pages/", {"type": "core.HomePage"}, HTTP_ACCEPT_LANGUAGE="ru;q=0.9, en;q=0.5"
    )
    (item,) = response.json()["items"]
    assert item["meta"]["locale"] == "ru"


def test_an_untranslated_page_falls_back_to_english_and_says_so(client, untranslated_page):
    listed = items(client, locale="ar", limit=50)
    fallback = [item for item in listed if item["id"] == untranslated_page.pk]
    assert fallback and fallback[0]["meta"]["locale"] == "en"
    assert fallback[0]["meta"]["requested_locale"] == "ar"
    assert fallback[0]["meta"]["is_fallback"] is True
    # Translated pages are not listed twice: once in Arabic only.
    assert sum(1 for item in listed if item["meta"]["type"] == "core.HomePage") == 1


def test_a_detail_asked_in_another_language_serves_its_translation(client):
    english = HomePage.objects.get(locale__language_code="en")
    arabic = english.get_translation(Locale.objects.get(language_code="ar"))
    data = client.get(f"/api/v2/pages/{english.pk}/", {"locale": "ar"}).json()
    assert (data["id"], data["title"], data["meta"]["locale"]) == (arabic.pk, arabic.title, "ar")
    others = {entry["locale"]: entry["id"] for entry in data["meta"]["translations"]}
    assert set(others) == {"en", "fr", "es", "ru", "zh-hans"}
    assert others["en"] == english.pk


def test_a_detail_without_translation_is_served_in_english_flagged(client, untranslated_page):
    data = client.get(f"/api/v2/pages/{untranslated_page.pk}/", {"locale": "zh-hans"}).json()
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["is_fallback"] is True
    assert data["meta"]["translations"] == []


def test_drafts_are_never_listed_nor_served(client):
    home = HomePage.objects.get(locale__language_code="en")
    draft = SectionPage(title="Unpublished plans", slug="draft", live=False)
    home.add_child(instance=draft)
    assert draft.pk not in [item["id"] for item in items(client, locale="en", limit=50)]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"locale": "xx"}, "locale"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"offset": "15102646364973020202139070595334144"}, "offset"),
        ({"fields": "nonexistent"}, None),
        ({"site": "nowhere.example"}, "site"),
        ({"type": "core.NoSuchPage"}, None),
    ],
)
def test_malformed_parameters_get_400_with_a_message(client, params, parameter):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["message"]
    if parameter:
        assert parameter in body["errors"]


def test_an_unknown_page_is_a_404_not_a_redirect(client):
    assert client.get("/api/v2/pages/987654/").status_code == 404


def test_a_listing_costs_the_same_queries_whatever_its_length(
    client, django_assert_max_num_queries
):
    client.get("/api/v2/pages/", {"locale": "fr", "limit": 1})  # warm Site and locale caches
    with django_assert_max_num_queries(12) as short:
        items(client, locale="fr", limit=1, fields="translations,seo_title")
    with django_assert_max_num_queries(len(short.captured_queries)):
        listed = items(client, locale="fr", limit=100, fields="translations,seo_title")
    assert len(listed) == Page.objects.live().filter(locale__language_code="fr").count() > 20


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and its after-commit callbacks, as a real transaction would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def detail(client, page, **params):
    return client.get(f"/api/v2/pages/{page.pk}/", params)


@override_settings(API_RESPONSE_CACHE_TIMEOUT=0)
def test_a_page_detail_costs_three_queries(client, django_assert_max_num_queries):
    english = SectionPage.objects.get(locale__language_code="en", slug="network")
    section = english.get_translation(Locale.objects.get(language_code="fr"))
    detail(client, section, locale="fr")  # warm the site, its roots and view restrictions
    # The page, its parent and the links to its translations; Wagtail's own endpoint runs ten.
    with django_assert_max_num_queries(3):
        data = detail(client, section, locale="fr").json()
    assert (data["id"], data["meta"]["locale"]) == (section.pk, "fr")
    assert data["meta"]["parent"]["id"] == section.get_parent().pk
    assert len(data["meta"]["translations"]) == 5


@override_settings(API_RESPONSE_CACHE_TIMEOUT=0)
def test_a_newly_published_translation_is_linked_at_once(client, committed, untranslated_page):
    assert detail(client, untranslated_page).json()["meta"]["translations"] == []
    french = untranslated_page.copy_for_translation(Locale.objects.get(language_code="fr"))
    committed(lambda: french.save_revision().publish())

    links = detail(client, untranslated_page).json()["meta"]["translations"]
    assert [(link["locale"], link["id"]) for link in links] == [("fr", french.pk)]
    assert links[0]["html_url"].endswith("/fr/regional-centres/")
    served = detail(client, untranslated_page, locale="fr").json()
    assert (served["id"], served["meta"]["is_fallback"]) == (french.pk, False)


@pytest.mark.parametrize("cache_timeout", [0, 3600])
def test_a_new_view_restriction_hides_the_page_at_once(
    client, committed, untranslated_page, cache_timeout
):
    with override_settings(API_RESPONSE_CACHE_TIMEOUT=cache_timeout):
        assert detail(client, untranslated_page).status_code == 200
        restriction = committed(
            lambda: PageViewRestriction.objects.create(
                page=untranslated_page, restriction_type="login"
            )
        )
        assert detail(client, untranslated_page).status_code == 404
        committed(restriction.delete)
        assert detail(client, untranslated_page).status_code == 200


@override_settings(API_RESPONSE_CACHE_TIMEOUT=0)
def test_the_parent_is_linked_only_while_it_is_published(client, committed):
    home = HomePage.objects.get(locale__language_code="en")
    section = SectionPage(title="Regional centres", slug="regional-centres")
    home.add_child(instance=section)
    committed(lambda: section.save_revision().publish())
    child = SectionPage(title="Lomé", slug="lome")
    section.add_child(instance=child)
    committed(lambda: child.save_revision().publish())

    parent = detail(client, child).json()["meta"]["parent"]
    assert (parent["id"], parent["title"]) == (section.pk, "Regional centres")
    assert parent["meta"]["html_url"].endswith("/en/regional-centres/")
    committed(section.unpublish)
    assert detail(client, child).json()["meta"]["parent"] is None
    assert detail(client, home).json()["meta"]["parent"] is None  # the tree root is not a page


@override_settings(API_RESPONSE_CACHE_TIMEOUT=0)
def test_a_deleted_page_is_gone_from_its_detail_at_once(client, committed, untranslated_page):
    assert detail(client, untranslated_page).status_code == 200
    committed(untranslated_page.delete)
    response = detail(client, untranslated_page)
    assert response.status_code == 404
    assert response.json()["message"]


def test_a_detail_with_filters_still_applies_them(client):
    section = SectionPage.objects.get(locale__language_code="en", slug="network")
    kept = client.get(f"/api/v2/pages/{section.pk}/", {"type": "core.SectionPage"})
    assert kept.status_code == 200
    missing = client.get(f"/api/v2/pages/{section.pk}/", {"type": "core.HomePage"})
    assert missing.status_code == 404


def test_an_ambiguous_site_filter_asks_for_the_port(client, committed):
    root = HomePage.objects.get(locale__language_code="en")
    for port in (80, 8080):
        committed(
            lambda port=port: Site.objects.create(hostname="example.org", port=port, root_page=root)
        )
    response = client.get("/api/v2/pages/", {"site": "example.org"})
    assert response.status_code == 400
    assert "site" in response.json()["errors"]
    listed = client.get("/api/v2/pages/", {"site": "example.org:8080", "locale": "en"})
    assert listed.status_code == 200
    assert listed.json()["items"]


def test_a_search_serves_the_requested_language_with_its_fallback(client, untranslated_page):
    found = items(client, search="marquage", locale="fr")
    assert found, "the French marking pages"
    assert {item["meta"]["locale"] for item in found} == {"fr"}
    assert any("marquage" in item["title"].lower() for item in found)

    (fallback,) = items(client, search="Kathmandu", locale="fr")
    assert fallback["id"] == untranslated_page.pk
    assert fallback["meta"]["is_fallback"] is True


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ['"', 'arms "trade', "marking & tracing", "(*^:-"])
def test_search_with_quotes_or_operators_answers_normally(client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code == 200
    assert "items" in response.json()


def test_search_keeps_the_words_of_a_query_with_operators(client):
    plain = client.get("/api/v2/pages/", {"search": "marking tracing", "locale": "en"}).json()
    noisy = client.get("/api/v2/pages/", {"search": '"marking" & tracing', "locale": "en"}).json()
    assert plain["meta"]["total_count"] > 0
    assert [item["id"] for item in noisy["items"]] == [item["id"] for item in plain["items"]]


@pytest.mark.parametrize("query", ['"', 'a"b', "marking & tracing"])
def test_the_admin_searches_answer_queries_with_quotes_and_operators(admin_client, query):
    for url in ("/admin/documents/", "/admin/images/", "/admin/pages/search/"):
        assert admin_client.get(url, {"q": query}).status_code == 200
