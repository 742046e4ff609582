import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.urls import reverse

from cms.core.models import HeadlessPreview, HomePage, SectionPage
from cms.core.tasks import purge_expired_previews

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def client_url(settings):
    settings.HEADLESS_PREVIEW_CLIENT_URL = "http://front.example.org/preview.html"
    return settings.HEADLESS_PREVIEW_CLIENT_URL


def preview_from_the_editor(admin_client, page, title):
    """Post the edit form to Wagtail's preview, then open the External site mode."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = {
        "title": title,
        "slug": page.slug,
        "intro": "Draft introduction",
        "body-count": "0",
    }
    assert admin_client.post(url, form).json()["is_valid"]
    return admin_client.get(url, {"mode": "headless"})


def test_an_editor_previews_a_draft_in_the_external_site(admin_client, client, client_url):
    page = SectionPage.objects.get(locale__language_code="en", slug="network")
    response = preview_from_the_editor(admin_client, page, "Network (draft title)")
    assert response.status_code == 302
    assert response["Location"].startswith(client_url + "?preview_token=")
    query = parse_qs(urlsplit(response["Location"]).query)
    token = query["preview_token"][0]
    assert query["locale"] == ["en"]

    data = client.get("/api/v2/preview/", {"token": token}).json()
    assert data["title"] == "Network (draft title)"
    assert data["intro"] == "Draft introduction"
    assert data["meta"]["is_preview"] is True
    # The draft is not published: the public API still serves the live title.
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Small Arms Advisory Network"


def test_a_preview_answer_is_never_cached(client, admin_client, client_url):
    page = SectionPage.objects.get(locale__language_code="en", slug="network")
    preview = HeadlessPreview.create_for(page)
    response = client.get("/api/v2/preview/", {"token": preview.token})
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_an_expired_token_is_refused(client, settings):
    page = HomePage.objects.get(locale__language_code="en")
    token = HeadlessPreview.create_for(page).token
    settings.HEADLESS_PREVIEW_MAX_AGE = 1
    time.sleep(2.1)
    response = client.get("/api/v2/preview/", {"token": token})
    assert response.status_code == 410
    assert "token" in response.json()["errors"]


@pytest.mark.parametrize(
    "token", ["", "not-a-token", signing.dumps("00000000-0000-0000-0000-000000000000")]
)
def test_missing_or_forged_tokens_are_refused(client, token):
    response = client.get("/api/v2/preview/", {"token": token})
    assert response.status_code in (400, 404)
    assert response.json()["errors"]["token"]


def test_the_preview_mode_is_offered_only_when_a_front_end_is_configured(settings):
    page = HomePage.objects.get(locale__language_code="en")
    settings.HEADLESS_PREVIEW_CLIENT_URL = ""
    assert "headless" not in dict(page.preview_modes)
    settings.HEADLESS_PREVIEW_CLIENT_URL = "http://front.example.org/"
    assert "headless" in dict(page.preview_modes)


def test_expired_snapshots_are_purged(settings):
    page = HomePage.objects.get(locale__language_code="en")
    HeadlessPreview.create_for(page)
    settings.HEADLESS_PREVIEW_MAX_AGE = 0
    assert purge_expired_previews() == 1
    assert purge_expired_previews() == 0
