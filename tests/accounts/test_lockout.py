"""Sign-in lock-out and the token endpoint's throttle, tried as an attacker would."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from cms.accounts.lockout import unlock
from cms.accounts.roles import NATIONAL_POINTS_OF_CONTACT, SECRETARIAT

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-long-password"
LOCKOUT = {"FAILURES": 3, "ADDRESS_FAILURES": 6, "SECONDS": 600}
UNREACHABLE_THROTTLE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttles": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    },
}


@pytest.fixture(autouse=True)
def fresh_counters(settings):
    settings.POAISS_LOGIN_LOCKOUT = LOCKOUT
    caches["throttles"].clear()
    yield
    caches["throttles"].clear()


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("lockable", password=PASSWORD, is_staff=True)


def from_address(address):
    return Client(REMOTE_ADDR=address)


def token(client, password, username="lockable", **headers):
    return client.post(
        "/api/v2/auth/token/", {"username": username, "password": password}, **headers
    )


def test_failures_lock_the_account_even_for_the_right_password_from_elsewhere(user):
    attacker, owner = from_address("203.0.113.7"), from_address("198.51.100.20")
    assert token(owner, PASSWORD).status_code == 200
    assert [token(attacker, f"guess-{n}").status_code for n in range(3)] == [401] * 3
    assert token(attacker, PASSWORD).status_code == 401
    assert token(owner, PASSWORD).status_code == 401
    unlock("lockable")
    assert token(owner, PASSWORD).status_code == 200


def test_an_address_that_tries_many_accounts_is_stopped(django_user_model):
    django_user_model.objects.create_user("target", password=PASSWORD)
    guesser = from_address("203.0.113.8")
    for n in range(6):
        token(guesser, "guess", username=f"someone-{n}")
    assert token(guesser, PASSWORD, username="target").status_code == 401
    assert token(from_address("198.51.100.21"), PASSWORD, username="target").status_code == 200


def test_a_successful_sign_in_clears_earlier_failures(client, user):
    login = reverse("wagtailadmin_login")
    token(client, "guess-1")
    token(client, "guess-2")
    assert client.post(login, {"username": "lockable", "password": PASSWORD}).status_code == 302
    client.logout()
    token(client, "guess-3")
    assert token(client, PASSWORD).status_code == 200


def test_the_admin_login_is_locked_too(client, user):
    login = reverse("wagtailadmin_login")
    for n in range(3):
        client.post(login, {"username": "lockable", "password": f"guess-{n}"})
    refused = client.post(login, {"username": "lockable", "password": PASSWORD})
    assert refused.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session
    unlock("lockable")
    accepted = client.post(login, {"username": "lockable", "password": PASSWORD})
    assert accepted.status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    client = from_address("203.0.113.9")
    answers = [
        token(client, PASSWORD, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(11)
    ]
    assert answers[:10] == [200] * 10
    assert answers[10] == 429


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = from_address("192.0.2.1")
    for n in range(3):
        token(proxy, f"guess-{n}", HTTP_X_FORWARDED_FOR="203.0.113.10")
    # Another client behind the same proxy is counted on its own address.
    for n in range(3):
        token(proxy, "guess", username=f"other-{n}", HTTP_X_FORWARDED_FOR="198.51.100.22")
    from cms.accounts.models import SignInFailure

    assert set(SignInFailure.objects.values_list("address", flat=True)) == {
        "203.0.113.10",
        "198.51.100.22",
    }


@override_settings(CACHES=UNREACHABLE_THROTTLE_CACHE)
def test_with_the_counters_unreachable_the_token_endpoint_refuses(user):
    response = token(from_address("203.0.113.11"), PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


@override_settings(CACHES=UNREACHABLE_THROTTLE_CACHE)
def test_the_lock_out_holds_without_the_cache(client, user):
    login = reverse("wagtailadmin_login")
    for n in range(3):
        client.post(login, {"username": "lockable", "password": f"guess-{n}"})
    client.post(login, {"username": "lockable", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_secretariat_sees_and_unlocks_locked_accounts(client, user, django_user_model):
    for n in range(3):
        token(from_address("203.0.113.12"), f"guess-{n}")
    secretariat = django_user_model.objects.create_user("sec", password=PASSWORD, is_staff=True)
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    npc = django_user_model.objects.create_user("npc", password=PASSWORD, is_staff=True)
    npc.groups.add(Group.objects.get(name=NATIONAL_POINTS_OF_CONTACT))
    url = reverse("accounts_locked")

    client.force_login(npc)
    # Wagtail's admin sends those it refuses back to the dashboard; nothing is unlocked.
    assert client.get(url).url == reverse("wagtailadmin_home")
    client.post(url, {"username": "lockable"})
    assert token(from_address("198.51.100.23"), PASSWORD).status_code == 401

    client.force_login(secretariat)
    listing = client.get(url)
    assert listing.status_code == 200
    assert "lockable" in listing.content.decode()
    assert client.post(url, {"username": "lockable"}).status_code == 302
    assert '<th scope="row">lockable</th>' not in client.get(url).content.decode()
    assert token(from_address("198.51.100.23"), PASSWORD).status_code == 200
