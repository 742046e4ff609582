import pytest

from cms.core.models import ThematicArea

pytestmark = pytest.mark.usefixtures("vocabularies")


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("/api/v2/themes/", 20),
        ("/api/v2/mosaic-modules/", 22),
        ("/api/v2/assistance-forms/", 5),
        ("/api/v2/organisation-types/", 8),
        ("/api/v2/regions/", 29),
        ("/api/v2/countries/", 249),
    ],
)
def test_each_vocabulary_is_listed_with_its_count_in_the_requested_language(client, path, count):
    data = get(client, path, locale="ar", limit=100)
    assert data["meta"]["total_count"] == count
    assert {item["locale"] for item in data["items"]} == {"ar"}


def test_a_country_carries_its_regions_and_groups_in_the_requested_language(client):
    niger = get(client, "/api/v2/countries/NE/", locale="fr")
    assert niger["name"] == "Niger"
    assert niger["region"] == {"code": "002", "name": "Afrique"}
    assert niger["intermediate_region"]["code"] == "011"
    assert niger["groups"] == ["ldc", "lldc"]
    assert {entry["locale"] for entry in niger["translations"]} == {
        "en",
        "es",
        "ru",
        "ar",
        "zh-hans",
    }


def test_countries_filter_by_region_at_any_level_and_by_group(client):
    western_africa = get(client, "/api/v2/countries/", region="011", limit=100)
    assert western_africa["meta"]["total_count"] == 17
    africa = get(client, "/api/v2/countries/", region="002", limit=100)
    assert africa["meta"]["total_count"] == 60
    sids = get(client, "/api/v2/countries/", group="sids", limit=100)
    assert all("sids" in item["groups"] for item in sids["items"])
    # M49 marks territories too (Puerto Rico, Aruba...); 37 of them are States.
    assert sids["meta"]["total_count"] == 53
    sids = get(client, "/api/v2/countries/", group="sids", reporting="true", limit=100)
    assert sids["meta"]["total_count"] == 37


def test_countries_filter_by_reporting_state(client):
    states = get(client, "/api/v2/countries/", reporting="true", locale="ru", limit=100)
    assert states["meta"]["total_count"] == 195
    assert {item["un_status"] for item in states["items"]} <= {"member", "observer_state"}
    assert get(client, "/api/v2/countries/VA/")["un_status"] == "observer_state"
    assert get(client, "/api/v2/countries/RU/")["un_status"] == "member"
    others = get(client, "/api/v2/countries/", reporting="false", limit=100)
    assert others["meta"]["total_count"] == 249 - 195
    assert {item["un_status"] for item in others["items"]} == {""}
    assert {"GL", "TW", "HK", "AQ"} <= {item["code"] for item in others["items"]}


def test_a_bad_filter_value_is_a_400_naming_the_filter(client):
    response = client.get("/api/v2/countries/", {"group": "g77"})
    assert response.status_code == 400
    assert "group" in response.json()["errors"]


def test_a_term_missing_in_a_language_falls_back_to_english(client):
    ThematicArea.objects.filter(code="brokering", locale__language_code="ru").delete()
    data = get(client, "/api/v2/themes/brokering/", locale="ru")
    assert (data["name"], data["locale"], data["requested_locale"], data["is_fallback"]) == (
        "Brokering",
        "en",
        "ru",
        True,
    )
    listing = get(client, "/api/v2/themes/", locale="ru")
    assert listing["meta"]["total_count"] == 20
    assert [item["code"] for item in listing["items"] if item["is_fallback"]] == ["brokering"]


@pytest.mark.parametrize(
    "params", [{"locale": "xx"}, {"limit": "-1"}, {"limit": "abc"}, {"offset": "-3"}]
)
def test_malformed_parameters_are_400_with_field_errors(client, params):
    response = client.get("/api/v2/countries/", params)
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == set(params)


def test_taxonomy_is_read_only(client, admin_client):
    assert client.post("/api/v2/themes/", {"code": "x", "name": "X"}).status_code == 401
    assert admin_client.post("/api/v2/themes/", {"code": "x", "name": "X"}).status_code == 405


def test_a_country_listing_costs_the_same_queries_whatever_its_length(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8) as short:
        get(client, "/api/v2/countries/", limit=1)
    with django_assert_max_num_queries(len(short.captured_queries)):
        data = get(client, "/api/v2/countries/", limit=100)
    assert len(data["items"]) == 100


def test_organisations_carry_their_type_and_country_in_the_requested_language(client):
    unscar = get(client, "/api/v2/organisations/unscar/", locale="es")
    assert unscar["acronym"] == "UNSCAR"
    assert unscar["type"]["code"] == "fund"
    assert unscar["country"]["code"] == "US"
    assert unscar["country"]["name"] == "Estados Unidos de América"
    funds = get(client, "/api/v2/organisations/", type="fund", locale="ar")
    assert "unscar" in {item["code"] for item in funds["items"]}
    assert all(item["type"]["code"] == "fund" for item in funds["items"])
    assert all(item["locale"] == "ar" for item in funds["items"])
