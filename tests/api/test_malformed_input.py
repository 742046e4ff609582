"""Input that cannot be stored or parsed gets a 400 in the API's error shape, never a 500."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def secretariat_headers(admin_user):
    token, _created = Token.objects.get_or_create(user=admin_user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}


def assert_refused(response, name=None):
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert body["message"]
    if name is not None:
        assert name in body["errors"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["null", "1.5", "٣", "-1"])
def test_find_by_an_id_that_is_not_a_number_is_a_400(client, endpoint, value):
    assert_refused(client.get(f"/api/v2/{endpoint}/find/", {"id": value}))


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v2/needs/?code=%00", "code"),
        ("/api/v2/search/?q=arms%00", "q"),
        ("/api/v2/reporting-status/?cycle=BMS%00", "cycle"),
        ("/api/v2/pages/find/?html_path=/en/%00", "html_path"),
        ("/api/v2/countries/K%00/profile/", "path"),
        ("/api/v2/learning/certificates/verify/%00/", "path"),
    ],
)
def test_nul_characters_in_a_path_or_query_are_a_400(client, url, name):
    assert_refused(client.get(url), name)


def test_a_deeply_nested_body_is_a_400(client, secretariat_headers):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post(
        "/api/v2/national-reports/", body, content_type="application/json", **secretariat_headers
    )
    assert_refused(response)


@pytest.mark.parametrize("text", ['"Report\\u0000"', '"Report \\ud800"'])
def test_nul_characters_and_lone_surrogates_in_a_body_are_a_400(client, secretariat_headers, text):
    body = '{"country": "FR", "instrument": "poa", "cycle": "BMS8", "title": ' + text + "}"
    response = client.post(
        "/api/v2/national-reports/", body, content_type="application/json", **secretariat_headers
    )
    assert_refused(response)


@pytest.mark.parametrize("report_id", ["abc", "1e3", "٣"])
def test_a_report_id_that_is_not_a_number_is_a_400(client, secretariat_headers, report_id):
    response = client.get(f"/api/v2/national-reports/{report_id}/", **secretariat_headers)
    assert_refused(response, "id")
