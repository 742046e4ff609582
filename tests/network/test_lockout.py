import pytest
from django.core.cache import cache
from django.urls import reverse

from cms.network.lockout import reset

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-long-password"
AUTH_THROTTLE_KEY = "throttle_auth_127.0.0.1"


@pytest.fixture
def user(django_user_model):
    created = django_user_model.objects.create_user("lockable", password=PASSWORD, is_staff=True)
    reset("lockable", "127.0.0.1")
    cache.delete(AUTH_THROTTLE_KEY)
    yield created
    reset("lockable", "127.0.0.1")
    cache.delete(AUTH_THROTTLE_KEY)


def token(client, password):
    return client.post("/api/v2/auth/token/", {"username": "lockable", "password": password})


def test_repeated_failures_lock_the_token_endpoint_even_for_the_right_password(
    client, user, settings
):
    settings.POAISS_LOGIN_LOCKOUT = {"FAILURES": 3, "SECONDS": 600}
    assert token(client, PASSWORD).status_code == 200
    assert [token(client, f"guess-{n}").status_code for n in range(3)] == [401, 401, 401]
    assert token(client, PASSWORD).status_code == 401
    reset("lockable", "127.0.0.1")
    assert token(client, PASSWORD).status_code == 200


def test_a_successful_sign_in_clears_earlier_failures(client, user, settings):
    settings.POAISS_LOGIN_LOCKOUT = {"FAILURES": 3, "SECONDS": 600}
    login = reverse("wagtailadmin_login")
    token(client, "guess-1")
    token(client, "guess-2")
    assert client.post(login, {"username": "lockable", "password": PASSWORD}).status_code == 302
    client.logout()
    token(client, "guess-3")
    assert token(client, PASSWORD).status_code == 200


def test_the_admin_login_is_locked_too(client, user, settings):
    settings.POAISS_LOGIN_LOCKOUT = {"FAILURES": 3, "SECONDS": 600}
    login = reverse("wagtailadmin_login")
    for n in range(3):
        client.post(login, {"username": "lockable", "password": f"guess-{n}"})
    refused = client.post(login, {"username": "lockable", "password": PASSWORD})
    assert refused.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session
    reset("lockable", "127.0.0.1")
    accepted = client.post(login, {"username": "lockable", "password": PASSWORD})
    assert accepted.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
