import pytest
from wagtail.models import Locale, Page

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
