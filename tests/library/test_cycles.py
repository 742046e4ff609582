"""Reporting cycles: the fifteen meetings, one open for submissions, and filing against it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from cms.accounts.roles import SECRETARIAT
from cms.library.cycles import load_cycles, read_cycles
from cms.library.models import NationalReportPage, ReportingCycle

from .conftest import token_header

CODES = [
    "BMS1",
    "BMS2",
    "RevCon1",
    "BMS3",
    "BMS4",
    "RevCon2",
    "BMS5",
    "BMS6",
    "RevCon3",
    "BMS7",
    "BMS8",
    "RevCon4",
    "BMS9",
    "BMS10",
    "RevCon5",
]
CLOSED = "Reports for BMS8 2022 are closed; the cycle open for submissions is BMS9 2026."
REPORTS = "/api/v2/national-reports/"
CYCLES = "/api/v2/reporting-cycles/"


def cycle(code):
    return ReportingCycle.objects.get(code=code)


@pytest.fixture
def secretariat(django_user_model):
    user = django_user_model.objects.create_user("unoda-cycles", password="unoda-password-1")
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.mark.django_db
def test_the_fifteen_cycles_load_with_bms9_open():
    assert list(ReportingCycle.objects.values_list("code", flat=True)) == CODES
    assert list(ReportingCycle.objects.filter(is_open_for_submissions=True)) == [cycle("BMS9")]
    assert str(cycle("BMS8")) == "BMS8 2022"
    revcon4 = cycle("RevCon4")
    assert (revcon4.start_date.isoformat(), revcon4.end_date.isoformat()) == (
        "2024-06-18",
        "2024-06-28",
    )
    assert revcon4.outcome_symbol == "A/CONF.192/2024/RC/CRP.1/Rev.3"
    assert cycle("BMS3").report_symbol == "A/CONF.192/BMS/2008/3"
    assert cycle("BMS9").start_date is None and cycle("BMS9").venue == "New York"


@pytest.mark.django_db
def test_loading_again_updates_and_keeps_the_secretariats_choice():
    ReportingCycle.objects.filter(code="BMS9").update(is_open_for_submissions=False, venue="")
    ReportingCycle.objects.filter(code="BMS10").update(is_open_for_submissions=True)

    assert load_cycles() == (0, 15)

    assert cycle("BMS9").venue == "New York"
    assert list(ReportingCycle.objects.filter(is_open_for_submissions=True)) == [cycle("BMS10")]


@pytest.mark.django_db
def test_labels_read_as_the_un_writes_them():
    short_labels = {entry["code"]: entry["short_label"]["en"] for entry in read_cycles()}
    with translation.override("en"):
        assert {c.code: str(c.label) for c in ReportingCycle.objects.all()} == short_labels
    bms9 = cycle("BMS9")
    for language in ("fr", "ar"):
        with translation.override(language):
            # Whatever the catalogue says for the message, not a sentence built from parts.
            assert str(bms9.label) == translation.gettext("Ninth Biennial Meeting of States")


@pytest.mark.django_db
def test_only_one_cycle_is_open():
    bms8 = cycle("BMS8")
    bms8.is_open_for_submissions = True
    with pytest.raises(ValidationError) as refused:
        bms8.full_clean()
    assert (
        "BMS9 2026 is open for submissions"
        in refused.value.message_dict["is_open_for_submissions"][0]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        bms8.save()


@pytest.mark.django_db
def test_the_secretariat_moves_the_open_cycle_in_the_admin(client, secretariat):
    client.force_login(secretariat)

    def edit(code, is_open):
        target = cycle(code)
        url = reverse("wagtailsnippets_library_reportingcycle:edit", args=[target.pk])
        data = {
            name: getattr(target, name) or ""
            for name in ("code", "meeting", "number", "year", "venue")
        }
        data.update(report_symbol=target.report_symbol, outcome_symbol=target.outcome_symbol)
        if is_open:
            data["is_open_for_submissions"] = "on"
        return client.post(url, data)

    refused = edit("BMS10", True)
    assert refused.status_code == 200
    assert "close BMS9 2026 first" in refused.content.decode()
    assert cycle("BMS9").is_open_for_submissions and not cycle("BMS10").is_open_for_submissions

    assert edit("BMS9", False).status_code == 302
    assert edit("BMS10", True).status_code == 302
    assert list(ReportingCycle.objects.filter(is_open_for_submissions=True)) == [cycle("BMS10")]


@pytest.mark.django_db
def test_a_point_of_contact_files_for_the_open_cycle(client, demo_site, npc_fr):
    response = client.post(
        REPORTS,
        {"country": "FR", "instrument": "poa_iti", "cycle": "BMS9"},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert response.status_code == 201, response.json()
    assert response.json()["cycle"] == "BMS9"
    assert NationalReportPage.objects.get(pk=response.json()["id"]).cycle.code == "BMS9"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["npc", "secretariat"])
def test_a_report_for_a_closed_cycle_is_refused(client, demo_site, npc_fr, secretariat, role):
    user = npc_fr if role == "npc" else secretariat
    before = NationalReportPage.objects.count()
    response = client.post(
        REPORTS,
        {"country": "FR", "instrument": "poa_iti", "cycle": "BMS8"},
        content_type="application/json",
        **token_header(user),
    )
    assert response.status_code == 400
    assert response.json()["errors"]["cycle"] == [CLOSED]
    assert NationalReportPage.objects.count() == before


@pytest.mark.django_db
def test_only_the_secretariat_edits_a_closed_cycles_report(
    client, demo_site, npc_fr, secretariat, make_report
):
    report = make_report("FR", cycle="BMS8", owner=npc_fr)
    url = f"{REPORTS}{report.pk}/"

    def patch(user, data):
        return client.patch(url, data, content_type="application/json", **token_header(user))

    refused = patch(npc_fr, {"title": "France, late draft"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["cycle"] == [CLOSED]
    assert client.post(f"{url}submit/", **token_header(npc_fr)).status_code == 400
    assert patch(secretariat, {"title": "France, corrected"}).status_code == 200

    # A point of contact cannot move an open cycle's draft into a closed one either.
    draft = make_report("FR", owner=npc_fr)
    moved = client.patch(
        f"{REPORTS}{draft.pk}/",
        {"cycle": "BMS8"},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert moved.status_code == 400 and moved.json()["errors"]["cycle"] == [CLOSED]


@pytest.mark.django_db
def test_the_admin_refuses_a_new_report_for_a_closed_cycle(client, npc_fr, reports_index):
    client.force_login(npc_fr)
    url = reverse(
        "wagtailadmin_pages:add", args=["library", "nationalreportpage", reports_index.pk]
    )
    france = npc_fr.poaiss_profile.country  # in English, as the index
    data = {
        "title": "France report",
        "slug": "france-bms8",
        "country": france.pk,
        "instrument": "poa",
        "cycle": cycle("BMS8").pk,
        "submission_date": "",
        "sections-count": "0",
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert CLOSED in response.context["form"].errors["cycle"]
    assert not NationalReportPage.objects.filter(slug="france-bms8").exists()


@pytest.mark.django_db
def test_the_api_lists_the_cycles_with_their_documents(client):
    listing = client.get(CYCLES, {"locale": "en"}).json()
    assert listing["meta"]["total_count"] == 15
    by_code = {item["code"]: item for item in listing["items"]}
    assert by_code["RevCon4"]["label"] == "Fourth Review Conference"
    assert by_code["RevCon4"]["outcome_symbol"] == "A/CONF.192/2024/RC/CRP.1/Rev.3"
    assert by_code["RevCon4"]["outcome_url"] == "https://undocs.org/A/CONF.192/2024/RC/CRP.1/Rev.3"
    assert by_code["BMS3"]["report_url"] == "https://undocs.org/A/CONF.192/BMS/2008/3"
    assert by_code["BMS8"]["report_symbol"] is None and by_code["BMS8"]["report_url"] is None
    assert [code for code, item in by_code.items() if item["is_open_for_submissions"]] == ["BMS9"]

    detail = client.get(f"{CYCLES}BMS9/", {"locale": "fr"}).json()
    with translation.override("fr"):
        assert detail["label"] == translation.gettext("Ninth Biennial Meeting of States")
    assert detail["year"] == 2026 and detail["start_date"] is None
    assert client.get(f"{CYCLES}BMS99/").status_code == 404


@pytest.mark.django_db
def test_the_reporting_status_defaults_to_the_open_cycle(client, demo_site):
    default = client.get("/api/v2/reporting-status/").json()
    assert [item["code"] for item in default["cycles"]] == ["BMS9"]
    every = client.get("/api/v2/reporting-status/", {"cycle": "all"}).json()
    assert [item["code"] for item in every["cycles"]] == CODES
