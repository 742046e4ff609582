"""A national point of contact handles their own country's reports, and no other's."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile as WagtailUserProfile

from cms.core.models import Country
from cms.library.models import NationalReportPage

pytestmark = pytest.mark.usefixtures("demo_site")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_data(report, **changes):
    data = {
        "title": report.title,
        "slug": report.slug,
        "country": report.country_id,
        "instrument": report.instrument,
        "kind": report.kind,
        "cycle": report.cycle_id,
        "submission_date": "",
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "sections-count": "0",
    }
    data.update(changes)
    return data


def test_a_point_of_contact_edits_and_saves_their_own_draft(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    client.force_login(npc_fr)
    assert client.get(edit_url(report)).status_code == 200

    response = client.post(edit_url(report), form_data(report, title="France: revised draft"))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.get_latest_revision_as_object().title == "France: revised draft"
    assert not report.live


def test_another_countrys_report_is_forbidden_in_the_admin(client, npc_fr, make_report):
    brazil = make_report("BR")
    client.force_login(npc_fr)

    assert client.get(edit_url(brazil)).status_code == 403
    assert client.post(edit_url(brazil), form_data(brazil, title="Hijacked")).status_code == 403
    print_url = reverse("library_print_report", args=[brazil.pk])
    assert client.get(print_url).status_code == 403
    brazil.refresh_from_db()
    assert brazil.get_latest_revision_as_object().title != "Hijacked"


def test_a_point_of_contact_creates_a_report_for_their_country_only(client, npc_fr, reports_index):
    client.force_login(npc_fr)
    url = reverse(
        "wagtailadmin_pages:add", args=["library", "nationalreportpage", reports_index.pk]
    )
    page = client.get(url)
    assert page.status_code == 200
    choices = page.context["form"].fields["country"].queryset
    assert {country.code for country in choices} == {"FR"}

    brazil = Country.objects.get(code="BR", locale=reports_index.locale)
    france = Country.objects.get(code="FR", locale=reports_index.locale)
    # Preselected, the only choice, with no empty entry.
    select = BeautifulSoup(page.content, "html.parser").find("select", attrs={"name": "country"})
    options = select.find_all("option")
    assert [(option["value"], option.has_attr("selected")) for option in options] == [
        (str(france.pk), True)
    ]
    fields = {"instrument": "poa", "cycle": 1, "submission_date": "", "sections-count": "0"}
    fields.update({f"files-{name}": "0" for name in ("TOTAL_FORMS", "INITIAL_FORMS")})
    from cms.library.models import ReportingCycle

    fields["cycle"] = ReportingCycle.objects.get(code="BMS9").pk
    refused = client.post(
        url, {**fields, "title": "Brazil report", "slug": "brazil-x", "country": brazil.pk}
    )
    assert refused.status_code == 200  # the form again, with the refusal on its country
    assert refused.context["form"].errors["country"] == [
        "You can file reports only for France, the State you represent."
    ]
    assert not NationalReportPage.objects.filter(slug="brazil-x").exists()

    created = client.post(
        url, {**fields, "title": "France report", "slug": "france-x", "country": france.pk}
    )
    assert created.status_code == 302
    report = NationalReportPage.objects.get(slug="france-x")
    assert report.country.code == "FR" and not report.live and report.owner == npc_fr


def test_a_report_is_not_moved_to_another_state_in_the_admin(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    brazil = Country.objects.get(code="BR", locale=report.locale)
    client.force_login(npc_fr)

    response = client.post(edit_url(report), form_data(report, country=brazil.pk))

    assert response.status_code == 200
    assert "France, the State you represent" in response.context["form"].errors["country"][0]
    report.refresh_from_db()
    assert report.get_latest_revision_as_object().country.code == "FR"


def test_a_point_of_contact_of_no_state_may_not_open_the_report_form(
    client, make_npc, reports_index
):
    from cms.accounts.models import UserProfile

    npc = make_npc("FR", username="npc-of-no-state")
    UserProfile.objects.filter(user=npc).update(country=None)
    client.force_login(npc)
    url = reverse(
        "wagtailadmin_pages:add", args=["library", "nationalreportpage", reports_index.pk]
    )
    assert client.get(url).status_code == 403


def test_a_point_of_contact_cannot_publish(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    client.force_login(npc_fr)
    client.post(edit_url(report), form_data(report, **{"action-publish": "1"}))
    report.refresh_from_db()
    assert not report.live


def test_the_print_view_shows_the_latest_draft(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    report.title = "France: draft for approval"
    report.sections = [("export_controls", "<p>Licences are issued by the customs.</p>")]
    report.save_revision(user=npc_fr)
    client.force_login(npc_fr)

    response = client.get(reverse("library_print_report", args=[report.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "France: draft for approval" in html
    assert "Licences are issued by the customs." in html
    assert "@media print" in html
    assert (
        response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    )


def test_a_point_of_contact_submits_their_draft_into_moderation(client, npc_fr, make_report):
    from cms.library.models import ReportSubmission

    from .conftest import complete_answers

    report = make_report("FR", owner=npc_fr)
    assert report.get_workflow() is not None  # whatever workflow applies to the section
    client.force_login(npc_fr)

    incomplete = client.post(edit_url(report), form_data(report, **{"action-submit": "1"}))
    assert incomplete.status_code == 302
    assert incomplete["Location"].endswith(f"/national-reports/{report.pk}/questionnaire/")
    report.refresh_from_db()
    assert not report.workflow_in_progress

    report.answers = complete_answers()
    report.save_revision(user=npc_fr)
    response = client.post(edit_url(report), form_data(report, **{"action-submit": "1"}))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.workflow_in_progress
    assert not report.live
    submission = ReportSubmission.objects.get(report=report)
    assert submission.submitted_by == npc_fr
    locked = client.post(edit_url(report), form_data(report, title="Changed after submission"))
    assert locked.status_code in (302, 403)
    assert report.get_latest_revision_as_object().title != "Changed after submission"


def test_other_countries_drafts_are_hidden_from_the_explorer(client, npc_fr, make_report):
    mine = make_report("FR", owner=npc_fr)
    theirs = make_report("BR")
    client.force_login(npc_fr)
    index = Page.objects.get(pk=mine.get_parent().pk)

    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk]))

    assert listing.status_code == 200
    html = listing.content.decode()
    assert mine.title in html
    assert theirs.title not in html


def test_other_countries_drafts_are_hidden_from_the_page_chooser(client, npc_fr, make_report):
    mine = make_report("FR", owner=npc_fr)
    theirs = make_report("BR")
    client.force_login(npc_fr)

    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[mine.get_parent().pk]))

    html = chooser.content.decode()
    assert mine.title in html
    assert theirs.title not in html


def test_the_admin_page_search_never_lists_other_countries_drafts(
    client, npc_fr, make_report, admin_user
):
    ours = make_report("FR", owner=npc_fr)
    theirs = make_report("BR")
    client.force_login(npc_fr)
    for name in ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"):
        response = client.get(reverse(name), {"q": "report"})
        assert response.status_code == 200
        html = response.content.decode()
        assert ours.title in html
        assert theirs.title not in html

    client.force_login(admin_user)
    found = client.get(reverse("wagtailadmin_pages:search"), {"q": "report"})
    assert found.status_code == 200
    assert theirs.title in found.content.decode()


def test_another_countrys_report_page_in_the_explorer_is_forbidden(client, npc_fr, make_report):
    brazil = make_report("BR", title="Brazil: confidential draft")
    client.force_login(npc_fr)
    response = client.get(f"/admin/pages/{brazil.pk}/")
    assert response.status_code == 403
    assert "confidential draft" not in response.content.decode()


def test_the_site_history_never_names_other_countries_drafts(client, npc_fr, make_report):
    make_report("BR", title="Brazil: confidential draft")
    mine = make_report("FR", owner=npc_fr, title="France: our draft")
    client.force_login(npc_fr)
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "confidential draft" not in response.content.decode()
    assert mine.title in client.get("/admin/reports/site-history/").content.decode()


def test_the_admin_page_api_never_serves_other_countries_drafts(client, npc_fr, make_report):
    brazil = make_report("BR", title="Brazil: confidential draft")
    client.force_login(npc_fr)
    listing = client.get(
        "/admin/api/main/pages/", {"child_of": brazil.get_parent().pk, "for_explorer": 1}
    )
    assert listing.status_code == 200
    assert "confidential draft" not in listing.content.decode()
    assert client.get(f"/admin/api/main/pages/{brazil.pk}/").status_code == 404


def test_editors_do_not_write_national_reports(client, django_user_model, make_report):
    from django.contrib.auth.models import Group

    from cms.accounts.roles import editors_group_name

    editor = django_user_model.objects.create_user("editor-en", password="an-editor-password")
    editor.groups.add(Group.objects.get(name=editors_group_name("en")))
    report = make_report("BR")
    tester = report.permissions_for_user(editor)
    assert not tester.can_edit()
    assert not tester.can_submit_for_moderation()
    assert not tester.can_delete()
    client.force_login(editor)
    response = client.post(edit_url(report), form_data(report, title="Rewritten by an editor"))
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.get_latest_revision_as_object().title != "Rewritten by an editor"

    # Opening the editor says why, in the reports' folder, rather than Wagtail's bare refusal.
    response = client.get(edit_url(report), follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{report.get_parent().pk}/"
    notices = {str(message).strip() for message in response.context["messages"]}
    assert notices == {
        "National reports are written by the national points of contact of their State and by "
        "the secretariat; you may not change this one."
    }


def test_the_admin_offers_the_195_states_named_in_the_users_language(
    client, django_user_model, reports_index
):
    from django.contrib.auth.models import Group

    from cms.accounts.roles import SECRETARIAT

    secretariat = django_user_model.objects.create_user("unoda-admin", password="pw-unoda-1")
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    profile = WagtailUserProfile.get_for_user(secretariat)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(secretariat)
    url = reverse(
        "wagtailadmin_pages:add", args=["library", "nationalreportpage", reports_index.pk]
    )
    page = client.get(url)
    select = BeautifulSoup(page.content, "html.parser").find("select", attrs={"name": "country"})
    options = [option for option in select.find_all("option") if option.get("value")]
    assert len(options) == 195
    rows = Country.objects.in_bulk([int(option["value"]) for option in options])
    assert {row.locale_id for row in rows.values()} == {reports_index.locale_id}
    labels = {rows[int(option["value"])].code: option.get_text() for option in options}
    assert labels["BO"] == "Bolivie (État plurinational de)"
    assert "GL" not in labels and "TW" not in labels
    names = list(labels.values())
    assert names.index("Afghanistan") < names.index("Allemagne") < names.index("Égypte")
    assert names.index("Égypte") < names.index("Espagne")

    greenland = Country.objects.get(code="GL", locale=reports_index.locale)
    fields = {"instrument": "poa", "submission_date": "", "sections-count": "0"}
    fields.update({f"files-{name}": "0" for name in ("TOTAL_FORMS", "INITIAL_FORMS")})
    from cms.library.models import ReportingCycle

    fields["cycle"] = ReportingCycle.objects.get(code="BMS9").pk
    refused = client.post(
        url, {**fields, "title": "Greenland", "slug": "greenland-x", "country": greenland.pk}
    )
    assert refused.status_code == 200
    assert "country" in refused.context["form"].errors
    assert not NationalReportPage.objects.filter(slug="greenland-x").exists()
