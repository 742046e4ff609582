"""Drafts of national reports never leak: not through the pages API, the overview, the
profiles, the documents API nor the file downloads."""

import pytest
from django.contrib.auth.models import User

from cms.library.models import NationalReportFile

from .conftest import pdf_bytes, token_header

pytestmark = pytest.mark.usefixtures("demo_site")

SECRET = "Unpublished national plans"


@pytest.fixture
def draft(make_report, make_document, django_capture_on_commit_callbacks):
    document = make_document(pdf_bytes(SECRET), name="draft.pdf", title="Draft annex")
    report = make_report(
        "BR",
        cycle="RevCon4",
        files=[NationalReportFile(language="en", document=document)],
        sections=[("executive_summary", f"<p>{SECRET}</p>")],
    )
    return report, document


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user("learner", password="learner-password-1")


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_npc"])
def test_a_draft_report_is_never_served(client, draft, who, learner, npc_fr):
    report, document = draft
    headers = {
        "anonymous": {},
        "learner": token_header(learner),
        "other_npc": token_header(npc_fr),
    }[who]
    pages = client.get(
        "/api/v2/pages/", {"type": "library.NationalReportPage", "limit": 100}, **headers
    )
    assert report.pk not in {item["id"] for item in pages.json()["items"]}
    assert client.get(f"/api/v2/pages/{report.pk}/", **headers).status_code == 404

    documents = client.get("/api/v2/documents/", {"limit": 100}, **headers).json()
    assert document.pk not in {item["id"] for item in documents["items"]}
    if who != "anonymous":
        client.force_login(learner if who == "learner" else npc_fr)
    assert client.get(f"/documents/national-reports/files/{document.pk}/").status_code == 404
    assert client.get(f"/documents/{document.pk}/draft.pdf").status_code in (302, 403, 404)

    profile = client.get("/api/v2/countries/BR/profile/", **headers).json()
    assert SECRET not in str(profile)
    status = client.get("/api/v2/reporting-status/", {"cycle": "RevCon4"}).json()
    brazil = next(item for item in status["items"] if item["code"] == "BR")
    assert brazil["statuses"][0]["status"] == "not_reported"


def test_the_author_downloads_the_draft_file_and_the_public_once_published(
    client, draft, make_npc, django_capture_on_commit_callbacks
):
    report, document = draft
    author = make_npc("BR")
    client.force_login(author)
    mine = client.get(f"/documents/national-reports/files/{document.pk}/")
    assert mine.status_code == 200
    assert "no-store" in mine["Cache-Control"]
    client.logout()
    assert client.get(f"/documents/national-reports/files/{document.pk}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        report.get_latest_revision().publish()
    public = client.get(f"/documents/national-reports/files/{document.pk}/")
    assert public.status_code == 200
    assert public["Content-Type"] == "application/pdf"
    assert b"".join(public.streaming_content).startswith(b"%PDF-")
    assert User.objects.filter(username=author.username).exists()
