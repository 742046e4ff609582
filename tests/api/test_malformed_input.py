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


def operations(client):
    """(method, path, takes a body) of every operation the OpenAPI schema lists, with sample
    path values."""
    document = client.get("/api/schema/", {"format": "json"}).json()
    samples = {"id": "1", "pk": "1", "question_pk": "1", "code": "marking", "key": "x"}
    found = []
    for path, methods in document["paths"].items():
        for name, value in samples.items():
            path = path.replace(f"{{{name}}}", value)
        assert "{" not in path, path
        found.extend(
            (method.upper(), path, "requestBody" in operation)
            for method, operation in methods.items()
            if method != "parameters"
        )
    return found


def send(client, method, path, headers, **extra):
    return client.generic(method, path, **headers, **extra)


@pytest.mark.parametrize("value", ["%00", "a%00b", "%00%ED%A0%80"])
def test_every_operation_answers_400_to_unstorable_text_in_the_query(
    client, secretariat_headers, value
):
    failures = []
    for method, path, _body in operations(client):
        response = send(client, method, f"{path}?locale=en&q={value}", secretariat_headers)
        if response.status_code != 400 or "message" not in response.json():
            failures.append((method, path, response.status_code))
    assert failures == []


def test_a_surrogate_encoded_in_the_query_is_read_as_a_replacement_character(
    client, secretariat_headers
):
    """UTF-8 cannot encode a lone surrogate: its bytes are invalid and Django replaces them,
    so no surrogate reaches a view; nothing may fail on the replacement either."""
    failures = []
    for method, path, _body in operations(client):
        if method in ("GET", "HEAD"):
            response = send(client, method, f"{path}?q=%ED%A0%80&search=%ED%A0%80", {})
            if response.status_code >= 500:
                failures.append((method, path, response.status_code))
    assert failures == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"title": "A\\u0000", "body": "B\\u0000", "status": "submitted"}', "application/json"),
        ('{"title": "A \\ud800", "body": "B \\udfff"}', "application/json"),
        ('{"A\\u0000": 1}', "application/json"),
        ("title=A%00&body=B%00&status=submitted", "application/x-www-form-urlencoded"),
    ],
)
def test_every_write_answers_4xx_to_unstorable_text_in_the_body(
    client, secretariat_headers, body, content_type
):
    """Never a 5xx, never stored: the parsers refuse the body with the API's error shape
    (operations that take no body, such as following a thread, do not read it)."""
    failures = []
    for method, path, takes_body in operations(client):
        if method not in ("POST", "PUT", "PATCH"):
            continue
        response = send(
            client, method, path, secretariat_headers, data=body, content_type=content_type
        )
        refused = 400 <= response.status_code < 500 and "message" in response.json()
        if (takes_body and not refused) or response.status_code >= 500:
            failures.append((method, path, response.status_code))
    assert failures == []


def test_a_multipart_field_with_a_nul_character_is_a_400(client, secretariat_headers):
    from django.test.client import MULTIPART_CONTENT

    response = client.post(
        "/api/v2/needs/", {"title": "A\x00", "country": "KE"}, **secretariat_headers
    )
    assert response.request["CONTENT_TYPE"] == MULTIPART_CONTENT
    assert_refused(response)
