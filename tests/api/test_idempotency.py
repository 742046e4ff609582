"""A client that retries a POST with the same Idempotency-Key gets the first answer again and
creates nothing more; a key cannot be reused for another request."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from assistance.api.views.needs import NeedViewSet
from assistance.models import Need, Resource
from cms.accounts import roles
from cms.api.models import IdempotencyKey
from cms.api.tasks import purge_idempotency_keys
from tests.assistance.conftest import make_user

pytestmark = pytest.mark.django_db

NEEDS = "/api/v2/needs/"


def need(**overrides):
    data = {
        "title": "Destruction of obsolete ammunition",
        "description": "Surplus ammunition identified in the 2026 national report.",
        "country": "KE",
        "themes": ["surplus-destruction"],
        "forms": ["technical-expertise"],
        "amount": "120000.00",
        "currency": "EUR",
        "start_date": "2027-03-01",
        "duration_months": 12,
        "priority": 3,
        "contact_email": "npc@example.go.ke",
    }
    return {**data, **overrides}


def api_for(user):
    api = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def kenya_npc(db):
    return make_user("npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, country="KE")


@pytest.fixture
def other_kenya_npc(db):
    return make_user("npc-ke-2", roles.NATIONAL_POINTS_OF_CONTACT, country="KE")


def post(api, data, key, url=NEEDS):
    return api.post(url, data, format="json", HTTP_IDEMPOTENCY_KEY=key)


def count(title="Destruction of obsolete ammunition"):
    return Need.objects.filter(title=title).count()


def test_a_retried_post_returns_the_first_answer_and_creates_nothing_more(kenya_npc):
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    first = post(api, need(), key)
    assert first.status_code == 201, first.content
    assert "Idempotent-Replayed" not in first

    again = post(api, need(), key)
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again.json()["id"] == first.json()["id"]
    assert count() == 1


def test_a_retry_encoded_differently_is_the_same_request(kenya_npc):
    api = api_for(kenya_npc)
    first = post(api, need(), '"order-7"')  # an sf-string, as the draft writes it
    body = need()
    reordered = dict(reversed(list(body.items())))
    again = api.post(NEEDS, reordered, format="json", HTTP_IDEMPOTENCY_KEY="order-7")
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert count() == 1


def test_the_same_key_with_another_body_is_a_422(kenya_npc):
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    assert post(api, need(), key).status_code == 201
    response = post(api, need(title="Another need"), key)
    assert response.status_code == 422
    assert set(response.json()) == {"message"}
    assert "Idempotency-Key" in response.json()["message"]
    assert count() == 1 and count("Another need") == 0


def test_the_same_key_on_another_endpoint_is_another_key(kenya_npc, settings):
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    pk = post(api, need(), key).json()["id"]
    moved = post(api, {"status": "submitted"}, key, url=f"{NEEDS}{pk}/transition/")
    assert moved.status_code == 200, moved.content
    assert "Idempotent-Replayed" not in moved


def test_keys_belong_to_their_user(kenya_npc, other_kenya_npc):
    key = "shared-key"
    first = post(api_for(kenya_npc), need(), key)
    second = post(api_for(other_kenya_npc), need(), key)
    assert first.status_code == second.status_code == 201
    assert "Idempotent-Replayed" not in second
    assert first.json()["id"] != second.json()["id"]
    assert count() == 2


def test_anonymous_requests_ignore_the_header(client):
    response = client.post(
        NEEDS, need(), content_type="application/json", HTTP_IDEMPOTENCY_KEY="anonymous"
    )
    assert response.status_code == 401
    assert not IdempotencyKey.objects.exists()


def test_a_request_still_running_with_the_key_is_a_409(kenya_npc):
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    assert post(api, need(), key).status_code == 201
    IdempotencyKey.objects.update(status_code=None, body="", claimed_at=timezone.now())
    response = post(api, need(), key)
    assert response.status_code == 409
    assert response.json()["message"]
    assert count() == 1


def test_a_first_request_that_died_is_taken_over_by_its_retry(kenya_npc):
    """A killed worker committed nothing (the work and the answer are one transaction)."""
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    assert post(api, need(), key).status_code == 201
    Need.objects.filter(title=need()["title"]).delete()
    abandoned = timezone.now() - timedelta(seconds=settings.API_IDEMPOTENCY_LOCK_SECONDS + 1)
    IdempotencyKey.objects.update(status_code=None, body="", claimed_at=abandoned)
    response = post(api, need(), key)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert count() == 1
    assert IdempotencyKey.objects.get().status_code == 201


def test_a_refused_request_does_not_use_its_key(kenya_npc):
    api = api_for(kenya_npc)
    key = str(uuid.uuid4())
    refused = post(api, need(amount="-5"), key)
    assert refused.status_code == 400
    assert not IdempotencyKey.objects.exists()
    assert post(api, need(), key).status_code == 201  # corrected and sent again


def test_a_failure_after_the_write_leaves_neither_the_row_nor_the_key(kenya_npc, monkeypatch):
    def save_then_fail(self, serializer):
        serializer.save(created_by=self.request.user)
        raise RuntimeError("the process fails after saving")

    monkeypatch.setattr(NeedViewSet, "perform_create", save_then_fail)
    api = api_for(kenya_npc)
    api.raise_request_exception = False
    response = post(api, need(), "fails")
    assert response.status_code == 500
    assert count() == 0
    assert not IdempotencyKey.objects.exists()


@pytest.mark.parametrize("key", ["", "x" * 256, "caf\u00e9"])
def test_a_malformed_key_is_a_400(kenya_npc, key):
    api = api_for(kenya_npc)
    response = api.post(
        NEEDS, need(), format="json", headers={"Idempotency-Key": key.encode().decode("latin-1")}
    )
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]
    assert count() == 0


def test_other_create_endpoints_are_replayed_too(db):
    donor = make_user("unscar", roles.DONORS, organisation="unscar")
    api = api_for(donor)
    data = {
        "kind": "fund",
        "status": "active",
        "title": "Small grants for marking",
        "provider": "unscar",
        "themes": ["marking"],
        "forms": ["financial"],
        "is_global": True,
        "grant_cap": "200000",
        "call_opens": "2028-01-15",
        "call_closes": "2028-04-30",
    }
    first = post(api, data, "resource-1", url="/api/v2/resources/")
    assert first.status_code == 201, first.content
    again = post(api, data, "resource-1", url="/api/v2/resources/")
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert Resource.objects.filter(title="Small grants for marking").count() == 1


def test_keys_are_forgotten_after_a_day(kenya_npc):
    api = api_for(kenya_npc)
    post(api, need(), "old")
    post(api, need(title="Recent"), "recent")
    IdempotencyKey.objects.filter(key="old").update(
        created_at=timezone.now() - timedelta(seconds=settings.API_IDEMPOTENCY_KEY_SECONDS + 1)
    )
    assert purge_idempotency_keys() == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]
    entry = settings.CELERY_BEAT_SCHEDULE["purge-idempotency-keys"]
    assert entry["task"] == "cms.api.tasks.purge_idempotency_keys"


def test_an_expired_key_not_yet_purged_is_a_new_key(kenya_npc):
    api = api_for(kenya_npc)
    first = post(api, need(), "old")
    IdempotencyKey.objects.update(
        created_at=timezone.now() - timedelta(seconds=settings.API_IDEMPOTENCY_KEY_SECONDS + 1)
    )
    again = post(api, need(), "old")
    assert again.status_code == 201 and "Idempotent-Replayed" not in again
    assert again.json()["id"] != first.json()["id"]


def test_every_write_of_the_schema_declares_the_header(client):
    """Every POST, PUT, PATCH and DELETE a signed-in client makes under /api/v2/ honours
    Idempotency-Key."""
    document = client.get("/api/schema/", {"format": "json"}).json()
    writes = {
        (method, path): operation
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in ("post", "put", "patch", "delete")
    }
    assert len([method for method, _path in writes if method == "post"]) > 20
    assert {method for method, _path in writes} == {"post", "put", "patch", "delete"}
    anonymous_only = {"/api/v2/auth/token/"}
    for (_method, path), operation in writes.items():
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        assert ("Idempotency-Key" in names) is (path not in anonymous_only), path
        if path not in anonymous_only:
            assert {"409", "422"} <= set(operation["responses"]), path


def multipart_fingerprint(boundary, content=b"%PDF-1.4 report"):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test.client import encode_multipart
    from rest_framework.parsers import FormParser, MultiPartParser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from cms.api.idempotency import fingerprint

    body = encode_multipart(
        boundary, {"title": "Annex", "file": SimpleUploadedFile("annex.pdf", content)}
    )
    request = APIRequestFactory().post(
        "/api/v2/national-reports/1/files/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    return fingerprint(Request(request, parsers=[MultiPartParser(), FormParser()]))


def test_an_upload_sent_again_is_recognised_by_its_content():
    assert multipart_fingerprint("first-boundary") == multipart_fingerprint("second-boundary")
    assert multipart_fingerprint("b") != multipart_fingerprint("b", content=b"%PDF-1.4 other")
