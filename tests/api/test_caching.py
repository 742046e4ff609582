import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cms.api.caching import bump_version, derived_from_content, request_content_state
from cms.core.models import SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")

LISTING = "/api/v2/pages/?locale=en&type=core.SectionPage&fields=intro"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and its after-commit callbacks, as a real transaction would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_public_answers_carry_validators_and_cache_control(client):
    response = client.get(LISTING)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]


def test_a_conditional_request_gets_304_without_a_body(client):
    first = client.get(LISTING)
    by_etag = client.get(LISTING, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(LISTING, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert by_date.status_code == 304


def test_a_repeated_request_is_answered_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    first = client.get(LISTING)
    with django_assert_num_queries(0):
        second = client.get(LISTING)
    assert second.content == first.content


@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "delete"])
def test_content_changes_drop_the_cached_answers(client, committed, change):
    first = client.get(LISTING)
    section = SectionPage.objects.get(locale__language_code="en", slug="network")
    if change == "publish":
        section.title = "Small Arms Advisory Network (renamed)"
        committed(lambda: section.save_revision().publish())
    elif change == "unpublish":
        committed(section.unpublish)
    elif change == "move":
        target = SectionPage.objects.get(locale__language_code="en", slug="about")
        committed(lambda: section.move(target, pos="last-child"))
    else:
        committed(section.delete)

    second = client.get(LISTING, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    if change == "publish":
        assert "Small Arms Advisory Network (renamed)" in titles(second)
    elif change in ("unpublish", "delete"):
        assert "Small Arms Advisory Network" not in titles(second)


def test_signed_in_clients_are_never_served_from_the_shared_cache(client, admin_client):
    client.get(LISTING)
    response = admin_client.get(LISTING)
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_a_cache_outage_only_costs_speed(client):
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    with override_settings(CACHES=unreachable):
        assert type(caches["default"]).__name__ == "RedisCache"
        answers = []
        for _attempt in range(2):
            with CaptureQueriesContext(connection) as queries:
                answers.append(client.get(LISTING))
            assert len(queries) > 0  # nothing could be cached: each answer is computed
    assert [answer.status_code for answer in answers] == [200, 200]
    sections = SectionPage.objects.live().filter(locale__language_code="en")
    assert len(titles(answers[1])) == sections.count()
    assert answers[0]["ETag"] == answers[1]["ETag"]  # validators still work without the cache


def test_values_derived_from_content_last_until_the_content_changes(rf):
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    first, second = rf.get("/api/v2/pages/"), rf.get("/api/v2/pages/")
    assert derived_from_content(first, "sample", compute) == 1
    assert derived_from_content(second, "sample", compute) == 1  # another request, kept
    bump_version()
    assert derived_from_content(rf.get("/api/v2/pages/"), "sample", compute) == 2
    # A request keeps the version it started with, so one answer never mixes two versions.
    assert request_content_state(second) != request_content_state(rf.get("/api/v2/pages/"))


@override_settings(API_RESPONSE_CACHE_TIMEOUT=0)
def test_without_the_response_cache_answers_still_carry_validators(client, committed):
    first = client.get(LISTING)
    assert first["ETag"] and first["Last-Modified"].endswith("GMT")
    assert client.get(LISTING, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    section = SectionPage.objects.get(locale__language_code="en", slug="network")
    section.title = "Small Arms Advisory Network (renamed)"
    committed(lambda: section.save_revision().publish())
    changed = client.get(LISTING, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Small Arms Advisory Network (renamed)" in titles(changed)
