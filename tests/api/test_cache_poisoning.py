"""The shared API cache cannot be poisoned with another rendering of an answer.

The attack: one anonymous request asking for HTML, then every JSON client of the same URL
would have received that HTML from the cache for an hour.
"""

import json

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.usefixtures("demo_site")

POISONED_URLS = [
    "/api/v2/pages/?locale=ar&limit=7&offset=1",
    "/api/v2/needs/",
    "/api/v2/countries/KE/profile/",
    "/api/v2/themes/?locale=fr",
]
BROWSER_ACCEPT = "text/html,application/xhtml+xml;q=0.9"
WITH_BROWSABLE_API = {
    "REST_FRAMEWORK": {
        **settings.REST_FRAMEWORK,
        "DEFAULT_RENDERER_CLASSES": [
            "rest_framework.renderers.JSONRenderer",
            "rest_framework.renderers.BrowsableAPIRenderer",
        ],
    }
}


def assert_json(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    json.loads(response.content)


@pytest.mark.parametrize("url", POISONED_URLS)
def test_an_html_request_never_reaches_json_clients(client, url):
    attack = client.get(url, HTTP_ACCEPT=BROWSER_ACCEPT)
    assert not attack["Content-Type"].startswith("text/html")

    victim = client.get(url, HTTP_ACCEPT="application/json")
    assert victim.status_code == 200
    assert_json(victim)
    if attack.has_header("ETag"):
        revalidated = client.get(
            url, HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=attack["ETag"]
        )
        assert revalidated.status_code in (200, 304)
        if revalidated.status_code == 200:
            assert_json(revalidated)


@override_settings(**WITH_BROWSABLE_API)
def test_with_the_browsable_api_on_html_is_served_but_never_cached(client):
    url = POISONED_URLS[0]
    page = client.get(url, HTTP_ACCEPT="text/html")
    assert page["Content-Type"].startswith("text/html")

    victim = client.get(url, HTTP_ACCEPT="application/json")
    assert_json(victim)
    assert victim["ETag"] != page.get("ETag")
    assert "Accept" in victim["Vary"]

    # A JSON answer in the cache is not handed to a browser either.
    again = client.get(url, HTTP_ACCEPT="text/html")
    assert again["Content-Type"].startswith("text/html")


def test_the_browsable_api_is_off_outside_development(client):
    response = client.get(POISONED_URLS[0], HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert_json(response)


def test_cached_answers_carry_the_security_headers(client):
    url = "/api/v2/pages/?locale=en"
    first = client.get(url)
    cached = client.get(url)
    for response in (first, cached):
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]
