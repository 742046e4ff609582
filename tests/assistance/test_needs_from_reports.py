"""Needs stated in a national report become draft needs of the State, linked to the report;
confirming, editing the report and confirming again never duplicates them."""

import uuid

import pytest
from django.test import TestCase
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import Locale

from assistance.models import Need, StatedNeed
from cms.accounts import roles
from cms.core.models import Country
from cms.library.models import NationalReportIndexPage, NationalReportPage, ReportingCycle

from .conftest import make_need, make_user

pytestmark = pytest.mark.django_db

NEEDS = "poa-iii-needs"


@pytest.fixture(autouse=True)
def tasks_in_process(eager_tasks):
    """Outbox messages (the proposal after publishing) run in the test's process."""


def stated(description, theme="marking", form="equipment", cost=40000):
    return {
        "id": str(uuid.uuid4()),
        "thematic_area": theme,
        "assistance_form": form,
        "description": description,
        "estimated_cost_usd": cost,
    }


def publish(report):
    with TestCase.captureOnCommitCallbacks(execute=True):
        report.save_revision().publish()
    report.refresh_from_db()
    return report


@pytest.fixture
def kenya_report(demo_site):
    """Kenya's report for BMS9 stating three needs, published."""
    english = Locale.objects.get(language_code="en")
    report = NationalReportPage(
        title="Kenya: national report, BMS9 2026",
        country=Country.objects.get(code="KE", locale=english),
        cycle=ReportingCycle.objects.get(code="BMS9"),
        instrument="poa_iti",
        answers={
            NEEDS: {
                "value": [
                    stated("Marking machines for the national police. Two of them."),
                    stated("Training in electronic record-keeping.", "record-keeping", "training"),
                    stated("Destruction of surplus rifles.", "surplus-destruction", "financial"),
                ]
            }
        },
        live=False,
    )
    NationalReportIndexPage.objects.get(locale=english).add_child(instance=report)
    return publish(report)


def client_of(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def report_needs(report):
    return Need.objects.filter(
        stated_in_report__country_code=report.country.code,
        stated_in_report__cycle_code=report.cycle.code,
    )


def test_three_stated_needs_never_become_four(kenya_report, kenya_npc):
    needs = report_needs(kenya_report)
    assert needs.count() == 3
    entries = kenya_report.answers[NEEDS]["value"]
    marking = needs.get(stated_in_report__entry_id=entries[0]["id"])
    assert marking.status == Need.Status.DRAFT
    assert marking.national_report_id == kenya_report.pk
    assert marking.title == "Marking machines for the national police"
    assert marking.amount == 40000 and marking.currency == "USD"
    assert list(marking.themes.values_list("code", flat=True)) == ["marking"]
    assert list(marking.forms.values_list("code", flat=True)) == ["equipment"]
    link = marking.stated_in_report
    assert (link.question_code, link.state) == (NEEDS, StatedNeed.State.PROPOSED)

    client = client_of(kenya_npc)
    answer = client.get(f"/api/v2/needs/{marking.pk}/").json()["from_report"]
    assert answer["source"] == "Stated in the national report BMS9 2026"
    assert (answer["report"], answer["entry"], answer["state"]) == (
        kenya_report.pk,
        entries[0]["id"],
        "proposed",
    )

    response = client.post(f"/api/v2/needs/{marking.pk}/confirm/")
    assert response.status_code == 200, response.content
    assert response.json()["from_report"]["state"] == "confirmed"

    # The State edits the report: the confirmed need's entry is described anew.
    entries[0]["description"] = "Four marking machines for the national police."
    publish(kenya_report)
    assert report_needs(kenya_report).count() == 3
    marking.refresh_from_db()
    assert marking.description == "Marking machines for the national police. Two of them."
    proposal = client.get(f"/api/v2/needs/{marking.pk}/").json()["from_report"]
    assert proposal["state"] == "confirmed"
    assert proposal["proposed_changes"] == {
        "title": "Four marking machines for the national police",
        "description": "Four marking machines for the national police.",
    }

    # Publishing again the same report proposes the same, and changes nothing else.
    publish(kenya_report)
    response = client.post(f"/api/v2/needs/{marking.pk}/confirm/")
    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Four marking machines for the national police."
    assert response.json()["from_report"]["proposed_changes"] == {}
    publish(kenya_report)
    assert report_needs(kenya_report).count() == 3
    assert Need.objects.filter(national_report=kenya_report).count() == 3


def test_an_unconfirmed_need_follows_the_report_and_leaves_with_its_entry(kenya_report, kenya_npc):
    entries = kenya_report.answers[NEEDS]["value"]
    confirmed = report_needs(kenya_report).get(stated_in_report__entry_id=entries[0]["id"])
    client_of(kenya_npc).post(f"/api/v2/needs/{confirmed.pk}/confirm/")

    entries[1]["description"] = "Training of forty officers in electronic record-keeping."
    kenya_report.answers[NEEDS]["value"] = entries[1:]
    publish(kenya_report)

    training = Need.objects.get(stated_in_report__entry_id=entries[1]["id"])
    assert training.description == "Training of forty officers in electronic record-keeping."
    confirmed.refresh_from_db()
    assert confirmed.status == Need.Status.DRAFT
    assert confirmed.stated_in_report.removed_from_report is True

    kenya_report.answers[NEEDS]["value"] = entries[:1]
    publish(kenya_report)
    training.refresh_from_db()
    assert training.status == Need.Status.WITHDRAWN
    assert training.stated_in_report.state == StatedNeed.State.WITHDRAWN
    assert report_needs(kenya_report).count() == 3


def test_a_discarded_need_is_not_proposed_again(kenya_report, kenya_npc):
    need = report_needs(kenya_report).first()
    response = client_of(kenya_npc).post(f"/api/v2/needs/{need.pk}/discard/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "withdrawn"
    publish(kenya_report)
    need.refresh_from_db()
    assert need.status == Need.Status.WITHDRAWN
    assert need.stated_in_report.state == StatedNeed.State.DISCARDED
    assert report_needs(kenya_report).count() == 3


def test_only_the_states_point_of_contact_and_the_secretariat_decide(
    kenya_report, jamaica_npc, unscar_manager, secretariat
):
    need = report_needs(kenya_report).first()
    url = f"/api/v2/needs/{need.pk}/confirm/"
    assert client_of().post(url).status_code == 401
    # Another State's point of contact does not see Kenya's draft at all.
    assert client_of(jamaica_npc).post(url).status_code == 404
    need.status = Need.Status.VALIDATED
    need.save()
    # A donor sees a validated need but decides nothing for the State.
    response = client_of(unscar_manager).post(url)
    assert response.status_code == 403
    assert set(response.json()) == {"message"}
    assert client_of(secretariat).post(url).status_code == 200
    need.stated_in_report.refresh_from_db()
    assert need.stated_in_report.state == StatedNeed.State.CONFIRMED


def test_a_need_not_proposed_from_a_report_cannot_be_confirmed(kenya_npc):
    need = make_need(country="KE", status=Need.Status.DRAFT)
    response = client_of(kenya_npc).post(f"/api/v2/needs/{need.pk}/confirm/")
    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == {"from_report": ["This need was not proposed from a national report."]}
    assert body["message"] == "This need was not proposed from a national report."


def test_a_confirmed_need_without_changes_has_nothing_to_discard(kenya_report, kenya_npc):
    need = report_needs(kenya_report).first()
    client = client_of(kenya_npc)
    client.post(f"/api/v2/needs/{need.pk}/confirm/")
    response = client.post(f"/api/v2/needs/{need.pk}/discard/")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["from_report"]


def test_another_states_point_of_contact_is_refused(kenya_report):
    need = report_needs(kenya_report).first()
    mexico_npc = make_user("npc-mx", roles.NATIONAL_POINTS_OF_CONTACT, country="MX")
    assert client_of(mexico_npc).post(f"/api/v2/needs/{need.pk}/discard/").status_code == 404
    need.refresh_from_db()
    assert need.status == Need.Status.DRAFT


def test_the_admin_lists_the_needs_proposed_from_reports(kenya_report, admin_client):
    response = admin_client.get(
        reverse("wagtailsnippets_assistance_need:list"), {"from_report": "proposed"}
    )
    page = response.content.decode()
    assert "Marking machines for the national police" in page
    assert "Safe storage of ammunition" not in page


def test_a_translation_published_before_its_synchronisation_undoes_nothing(kenya_report):
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(kenya_report)
    french = Locale.objects.get(language_code="fr")
    translation = Translation.objects.create(source=source, target_locale=french)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    entries = kenya_report.answers[NEEDS]["value"]
    kenya_report.answers[NEEDS]["value"] = entries[:2]
    publish(kenya_report)
    removed = Need.objects.get(stated_in_report__entry_id=entries[2]["id"])
    assert removed.status == Need.Status.WITHDRAWN

    # The French page still states the three needs: publishing it reads the English original.
    french_report = kenya_report.get_translation(french)
    assert len(french_report.answers[NEEDS]["value"]) == 3
    publish(french_report)
    removed.refresh_from_db()
    assert removed.status == Need.Status.WITHDRAWN
    assert report_needs(kenya_report).count() == 3
