"""The national reports endpoint: a point of contact works on their own country's drafts only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.library.models import NationalReportPage

from .conftest import complete_answers, pdf_bytes, token_header

pytestmark = pytest.mark.usefixtures("demo_site")

URL = "/api/v2/national-reports/"


def test_anonymous_clients_are_asked_to_authenticate(client, make_report):
    report = make_report("FR")
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}{report.pk}/").status_code == 401
    assert (
        client.patch(f"{URL}{report.pk}/", {}, content_type="application/json").status_code == 401
    )


def test_a_point_of_contact_lists_only_their_countrys_reports(client, npc_fr, make_report):
    mine = make_report("FR", owner=npc_fr)
    make_report("BR")

    listing = client.get(URL, **token_header(npc_fr)).json()

    assert [item["id"] for item in listing["items"]] == [mine.pk]
    assert listing["items"][0]["country"] == "FR"
    assert listing["items"][0]["status"] == "draft"


def test_another_countrys_report_is_forbidden(client, npc_fr, make_report):
    brazil = make_report("BR")
    headers = token_header(npc_fr)

    assert client.get(f"{URL}{brazil.pk}/", **headers).status_code == 403
    patched = client.patch(
        f"{URL}{brazil.pk}/", {"title": "Hijacked"}, content_type="application/json", **headers
    )
    assert patched.status_code == 403
    assert client.post(f"{URL}{brazil.pk}/submit/", **headers).status_code == 403
    brazil.refresh_from_db()
    assert brazil.get_latest_revision_as_object().title != "Hijacked"


def test_a_point_of_contact_creates_edits_and_submits_their_draft(client, npc_fr):
    headers = token_header(npc_fr)
    created = client.post(
        URL,
        {"country": "FR", "instrument": "poa_iti", "cycle": "BMS9"},
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201, created.json()
    report_id = created.json()["id"]
    assert created.json()["title"] == "France: national report, BMS9 2026"

    sections = [
        {
            "type": "legislation",
            "value": [
                {
                    "original_title": "Code de la sécurité intérieure",
                    "english_title": "Internal Security Code",
                    "description": "Book III governs weapons.",
                    "date": "2012-03-12",
                    "link": "https://www.legifrance.gouv.fr",
                }
            ],
        },
        {"type": "brokering", "value": "<p>Brokers are registered.</p>"},
    ]
    patched = client.patch(
        f"{URL}{report_id}/", {"sections": sections}, content_type="application/json", **headers
    )
    assert patched.status_code == 200, patched.json()
    body = patched.json()
    assert [section["type"] for section in body["sections"]] == ["legislation", "brokering"]
    report = NationalReportPage.objects.get(pk=report_id)
    assert not report.live
    client.force_login(npc_fr)
    printable = client.get(body["print_url"])
    assert printable.status_code == 200
    assert "Internal Security Code" in printable.content.decode()

    incomplete = client.post(f"{URL}{report_id}/submit/", **headers)
    assert incomplete.status_code == 400
    assert "answers.poa-ii-4-coordination-agency" in incomplete.json()["errors"]
    answered = client.patch(
        f"{URL}{report_id}/",
        {"answers": complete_answers()},
        content_type="application/json",
        **headers,
    )
    assert answered.status_code == 200, answered.json()
    submitted = client.post(f"{URL}{report_id}/submit/", **headers)
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "in_moderation"
    report.refresh_from_db()
    assert report.workflow_in_progress and not report.live


def test_a_report_for_another_state_is_refused_on_its_country(client, npc_fr):
    response = client.post(
        URL,
        {"country": "BR", "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == ["country"]
    assert body["errors"]["country"] == [
        "You can file reports only for France, the State you represent."
    ]
    assert body["message"] == body["errors"]["country"][0]
    assert not NationalReportPage.objects.filter(country__code="BR", cycle__code="BMS9").exists()

    moved = client.post(
        URL,
        {"country": "FR", "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert moved.status_code == 201
    refused = client.patch(
        f"{URL}{moved.json()['id']}/",
        {"country": "BR"},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["country"]
    report = NationalReportPage.objects.get(pk=moved.json()["id"])
    assert report.get_latest_revision_as_object().country.code == "FR"


def test_the_refusal_names_the_state_in_the_language_asked_for(client, npc_fr):
    response = client.post(
        URL,
        {"country": "BR", "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es",
        **token_header(npc_fr),
    )
    assert response.status_code == 400
    assert "Francia" in response.json()["errors"]["country"][0]


@pytest.mark.parametrize("country", ["FR", "BR"])
def test_those_who_may_not_file_at_all_are_still_refused_403(client, make_npc, country):
    from cms.accounts.models import UserProfile

    without_state = make_npc("FR", username="npc-without-state")
    UserProfile.objects.filter(user=without_state).update(country=None)
    response = client.post(
        URL,
        {"country": country, "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(without_state),
    )
    assert response.status_code == 403
    assert "message" in response.json()


def test_a_user_who_may_not_add_reports_is_refused_before_the_body_is_read(
    client, django_user_model
):
    outsider = django_user_model.objects.create_user("outsider-1", password="o-password-1")
    response = client.post(
        URL,
        {"country": "XX", "instrument": "none", "cycle": "BMS1"},
        content_type="application/json",
        **token_header(outsider),
    )
    assert response.status_code == 403
    assert "errors" not in response.json()


def test_bad_sections_are_refused_with_field_errors(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    response = client.patch(
        f"{URL}{report.pk}/",
        {"sections": [{"type": "not_a_section", "value": "x"}]},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert response.status_code == 400
    assert "not_a_section" in response.json()["errors"]["sections"][0]


def upload(client, user, report, content, name, language="fr"):
    return client.post(
        f"{URL}{report.pk}/files/",
        {"file": SimpleUploadedFile(name, content), "language": language},
        **token_header(user),
    )


def test_a_pdf_is_attached_to_the_draft_and_read_after_commit(
    client, npc_fr, make_report, django_capture_on_commit_callbacks
):
    report = make_report("FR", owner=npc_fr)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, npc_fr, report, pdf_bytes("Rapport national"), "rapport.pdf")
    assert response.status_code == 201, response.json()
    files = response.json()["files"]
    assert [(item["language"], item["title"]) for item in files] == [("fr", "rapport.pdf")]

    detail = client.get(f"{URL}{report.pk}/", **token_header(npc_fr)).json()
    assert detail["files"][0]["extraction_status"] == "extracted"
    assert not NationalReportPage.objects.get(pk=report.pk).live


def test_a_file_that_is_not_a_pdf_is_refused_with_a_clear_message(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    response = upload(client, npc_fr, report, b"PK\x03\x04 a word file", "report.docx")
    assert response.status_code == 400
    message = response.json()["errors"]["file"][0]
    assert "report.docx is not a PDF file" in message
    disguised = upload(client, npc_fr, report, b"just text", "report.pdf")
    assert disguised.status_code == 400
    assert "does not contain PDF data" in disguised.json()["errors"]["file"][0]
    assert report.get_latest_revision_as_object().files.count() == 0


def test_an_oversized_pdf_is_refused_with_a_clear_message(client, npc_fr, make_report, settings):
    settings.POAISS_NATIONAL_REPORT_MAX_UPLOAD_SIZE = 100
    report = make_report("FR", owner=npc_fr)
    response = upload(client, npc_fr, report, pdf_bytes("A long report"), "long.pdf")
    assert response.status_code == 400
    message = response.json()["errors"]["file"][0]
    assert "long.pdf is" in message and "at most 100" in message


@pytest.mark.parametrize("territory", ["GL", "TW", "HK"])
def test_a_report_is_filed_for_a_reporting_state_only(client, django_user_model, territory):
    from django.contrib.auth.models import Group

    from cms.accounts.roles import SECRETARIAT

    secretariat = django_user_model.objects.create_user("unoda-reports", password="pw-unoda-1")
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    before = NationalReportPage.objects.count()

    response = client.post(
        URL,
        {"country": territory, "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(secretariat),
    )

    assert response.status_code == 400
    (message,) = response.json()["errors"]["country"]
    assert "is not a State that reports" in message
    assert NationalReportPage.objects.count() == before


def test_a_point_of_contact_of_a_territory_files_no_report(client, make_npc):
    greenland = make_npc("GL")
    response = client.post(
        URL,
        {"country": "GL", "instrument": "poa", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(greenland),
    )
    assert response.status_code == 400
    assert "country" in response.json()["errors"]
    assert client.get(URL, **token_header(greenland)).json()["items"] == []
