"""A submitted (locked) report in the admin: shown read-only with the reason, never a bare 403.

Those who write the report are sent from the page editor to its questionnaire, read-only,
with a warning in their admin language saying when it was submitted; the secretariat reopens
it there, and can then edit it again.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.users.models import UserProfile as WagtailUserProfile

from cms.library.models import NationalReportPage, ReportSubmission
from cms.library.questionnaire.filing import is_locked, submit_report

from .conftest import complete_answers
from .test_report_permissions import form_data

pytestmark = pytest.mark.usefixtures("demo_site")

COORDINATION = "poa-ii-4-coordination-agency"


@pytest.fixture
def secretariat_member(django_user_model):
    from django.contrib.auth.models import Group

    from cms.accounts.roles import SECRETARIAT

    user = django_user_model.objects.create_user("secretariat-2", password="s-password-2")
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.fixture
def submitted_report(npc_fr, make_report, django_capture_on_commit_callbacks):
    report = make_report("FR", owner=npc_fr, answers=complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report, npc_fr)
    report.refresh_from_db()
    assert is_locked(report)
    return report


def edit_url(report):
    return reverse("wagtailadmin_pages:edit", args=[report.pk])


def questionnaire_url(report):
    return reverse("library_questionnaire", args=[report.pk])


def submitted_on(report, language):
    submitted_at = ReportSubmission.objects.locking().get(report=report).submitted_at
    with translation.override(language):
        return formats.date_format(timezone.localtime(submitted_at), "DATE_FORMAT")


def warnings(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_point_of_contact_is_sent_to_the_read_only_questionnaire_with_the_reason(
    client, npc_fr, submitted_report
):
    client.force_login(npc_fr)

    response = client.get(edit_url(submitted_report))

    assert response.status_code == 302
    assert response["Location"] == questionnaire_url(submitted_report)
    [message] = warnings(response)
    assert f"submitted on {submitted_on(submitted_report, 'en')}" in message
    assert "locked" in message and "ask the secretariat to reopen it" in message

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    answer = html.find(attrs={"name": f"{COORDINATION}:value"})
    assert answer is not None and answer.has_attr("disabled")
    assert html.find("button", attrs={"value": "save"}) is None
    assert html.find("button", attrs={"value": "submit"}) is None
    assert html.find("input", attrs={"value": "reopen"}) is None  # the secretariat's


def test_the_page_listing_leads_to_a_locked_reports_questionnaire_and_print_view(
    client, npc_fr, submitted_report
):
    client.force_login(npc_fr)

    listing = client.get(reverse("wagtailadmin_explore", args=[submitted_report.get_parent().pk]))

    assert listing.status_code == 200
    html = listing.content.decode()
    assert submitted_report.title in html
    assert edit_url(submitted_report) not in html
    assert questionnaire_url(submitted_report) in html
    assert reverse("library_print_report", args=[submitted_report.pk]) in html


def test_the_warning_is_in_the_users_admin_language(client, npc_fr, submitted_report):
    profile = WagtailUserProfile.get_for_user(npc_fr)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(npc_fr)

    response = client.get(edit_url(submitted_report))

    assert response["Location"] == questionnaire_url(submitted_report)
    [message] = warnings(response)
    assert message.startswith("Ce rapport a été soumis le")
    assert submitted_on(submitted_report, "fr") in message
    assert submitted_on(submitted_report, "fr") != submitted_on(submitted_report, "en")


def test_changes_posted_to_a_locked_report_are_not_saved(client, npc_fr, submitted_report):
    client.force_login(npc_fr)
    before = submitted_report.get_latest_revision_as_object()

    edited = client.post(edit_url(submitted_report), form_data(before, title="Changed later"))
    assert edited.status_code == 302
    assert edited["Location"] == questionnaire_url(submitted_report)

    answered = client.post(
        questionnaire_url(submitted_report),
        {"action": "save", f"{COORDINATION}:value": "no"},
    )
    assert answered.status_code == 302
    assert "locked" in warnings(answered)[0]

    deleted = client.post(reverse("wagtailadmin_pages:delete", args=[submitted_report.pk]))
    assert deleted.status_code == 302
    assert deleted["Location"] == questionnaire_url(submitted_report)

    latest = NationalReportPage.objects.get(pk=submitted_report.pk)
    latest = latest.get_latest_revision_as_object()
    assert latest.title == before.title
    assert latest.answers[COORDINATION]["value"] == before.answers[COORDINATION]["value"]


def test_a_point_of_contact_cannot_reopen_their_report(client, npc_fr, submitted_report):
    client.force_login(npc_fr)

    response = client.post(
        questionnaire_url(submitted_report), {"action": "reopen", "reason": "A typo."}
    )

    assert response.status_code == 302
    assert "Only the secretariat" in warnings(response)[0]
    assert is_locked(submitted_report)


def test_another_countrys_point_of_contact_still_gets_403(client, npc_br, submitted_report):
    client.force_login(npc_br)
    assert client.get(edit_url(submitted_report)).status_code == 403
    assert client.get(questionnaire_url(submitted_report)).status_code == 403


def test_the_admins_scripts_still_get_wagtails_own_refusal(client, npc_fr, submitted_report):
    client.force_login(npc_fr)
    response = client.get(
        edit_url(submitted_report),
        HTTP_ACCEPT="application/json",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 403


def test_the_secretariat_opens_and_reopens_a_locked_report(
    client, secretariat_member, submitted_report
):
    client.force_login(secretariat_member)

    sent = client.get(edit_url(submitted_report))
    assert sent["Location"] == questionnaire_url(submitted_report)
    assert "reopen it from its questionnaire" in warnings(sent)[0]
    page = BeautifulSoup(client.get(questionnaire_url(submitted_report)).content, "html.parser")
    assert page.find("input", attrs={"name": "action", "value": "reopen"}) is not None
    assert page.find("textarea", attrs={"name": "reason"}) is not None

    without_reason = client.post(questionnaire_url(submitted_report), {"action": "reopen"})
    assert without_reason.status_code == 302
    assert "reason" in warnings(without_reason)[0]
    assert is_locked(submitted_report)

    reopened = client.post(
        questionnaire_url(submitted_report),
        {"action": "reopen", "reason": "The figures of section 3 are to be corrected."},
    )
    assert reopened.status_code == 302
    assert not is_locked(submitted_report)
    submission = ReportSubmission.objects.get(report=submitted_report)
    assert submission.reopened_by == secretariat_member
    assert submission.reopen_reason == "The figures of section 3 are to be corrected."

    assert client.get(edit_url(submitted_report)).status_code == 200
    editable = BeautifulSoup(client.get(questionnaire_url(submitted_report)).content, "html.parser")
    assert not editable.find(attrs={"name": f"{COORDINATION}:value"}).has_attr("disabled")


def test_a_draft_in_a_closed_cycle_is_read_only_for_its_point_of_contact(
    client, npc_fr, make_report
):
    report = make_report("FR", cycle="BMS8", owner=npc_fr)
    client.force_login(npc_fr)

    page = client.get(questionnaire_url(report))

    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    notice = html.find("p", class_="help-warning", attrs={"role": "status"})
    assert "BMS9" in notice.get_text()
    assert html.find(attrs={"name": f"{COORDINATION}:value"}).has_attr("disabled")
    assert html.find("button", attrs={"value": "save"}) is None
