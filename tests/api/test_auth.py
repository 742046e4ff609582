import pytest
from django.core.cache import caches

from cms.accounts.lockout import unlock

THROTTLE_KEY = "throttle_auth_127.0.0.1"  # ScopedRateThrottle's key for the test client


@pytest.fixture(autouse=True)
def fresh_throttle(db):
    caches["throttles"].delete(THROTTLE_KEY)
    unlock("editor")
    yield
    caches["throttles"].delete(THROTTLE_KEY)
    unlock("editor")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="a-long-editor-password")


def test_a_client_exchanges_username_and_password_for_a_token(client, editor):
    response = client.post(
        "/api/v2/auth/token/", {"username": "editor", "password": "a-long-editor-password"}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    again = client.post(
        "/api/v2/auth/token/", {"username": "editor", "password": "a-long-editor-password"}
    )
    assert again.json()["token"] == token


def test_wrong_credentials_are_refused_with_401(client, editor):
    response = client.post("/api/v2/auth/token/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 401
    assert response.json()["message"]


def test_missing_fields_are_400_naming_them(client, db):
    response = client.post("/api/v2/auth/token/", {"username": "editor"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"password"}


def test_guessing_passwords_is_throttled(client, editor, settings):
    answers = [
        client.post(
            "/api/v2/auth/token/", {"username": "editor", "password": f"guess-{n}"}
        ).status_code
        for n in range(12)
    ]
    assert answers[:10] == [401] * 10
    assert answers[10:] == [429, 429]


def test_the_token_authenticates_api_requests(client, editor):
    token = client.post(
        "/api/v2/auth/token/", {"username": "editor", "password": "a-long-editor-password"}
    ).json()["token"]
    anonymous = client.post("/api/v2/themes/", {})
    authenticated = client.post("/api/v2/themes/", {}, HTTP_AUTHORIZATION=f"Token {token}")
    assert anonymous.status_code == 401
    assert authenticated.status_code == 405  # known user; the taxonomy is read-only
