"""The assistance admin applies the role rules, for real users of each role."""

import pytest
from django.urls import reverse

from assistance.models import Match, Need, Project, Resource
from cms.accounts import roles
from cms.core.models import AssistanceForm, Country, Organisation, ThematicArea

from .conftest import make_need, make_resource, make_user

pytestmark = pytest.mark.django_db

MALI_DRAFT = "Review of the firearms law"  # the demo's submitted, unvalidated need of Mali
KENYA_NEED = "Safe storage of ammunition in regional depots"


def url(model, view, *args):
    return reverse(f"wagtailsnippets_assistance_{model}:{view}", args=args)


def denied(response):
    """Wagtail answers a forbidden admin page by sending the user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def listing(client, model):
    response = client.get(url(model, "list"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def mali_npc(db):
    return make_user("npc-ml", roles.NATIONAL_POINTS_OF_CONTACT, country="ML")


@pytest.fixture
def secretariat_member(db):
    return make_user("unoda", roles.SECRETARIAT)


@pytest.fixture
def mali_need():
    return Need.objects.get(title=MALI_DRAFT)


@pytest.fixture
def kenya_draft(db):
    return make_need(country="KE", status=Need.Status.DRAFT, title="Kenyan draft on marking")


def need_form(country, status="draft", title="Border control training"):
    return {
        "title": title,
        "description": "Training of border guards.",
        "original_language": "en",
        "country": Country.objects.by_code(country).pk,
        "applicant": "",
        "themes": [ThematicArea.objects.by_code("marking").pk],
        "forms": [AssistanceForm.objects.by_code("training").pk],
        "amount": "50000",
        "currency": "USD",
        "start_date": "2027-06-01",
        "duration_months": "12",
        "priority": "2",
        "status": status,
        "contact_name": "",
        "contact_email": "",
        "translations": "{}",
    }


# --- Listings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees_mali_draft"),
    [("kenya_npc", False), ("unscar_manager", False), ("mali_npc", True), ("secretariat", True)],
)
def test_unvalidated_needs_appear_only_to_their_country_and_the_secretariat(
    client, request, who, sees_mali_draft
):
    client.force_login(request.getfixturevalue(who))
    html = listing(client, "need")
    assert (MALI_DRAFT in html) is sees_mali_draft
    assert KENYA_NEED in html  # published with consent: everyone with a role sees it


def test_the_need_chooser_lists_only_visible_needs(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.get(reverse("wagtailsnippetchoosers_assistance_need:choose"))
    assert response.status_code == 200
    html = response.content.decode()
    assert KENYA_NEED in html and MALI_DRAFT not in html


def test_matches_of_hidden_needs_stay_hidden(client, kenya_npc, mali_need):
    client.force_login(kenya_npc)
    html = listing(client, "match")
    assert MALI_DRAFT not in html
    for match in Match.objects.filter(need=mali_need):
        assert client.get(url("match", "inspect", match.pk)).status_code == 404


def test_a_user_without_an_assistance_role_has_no_assistance_admin(client):
    editor = make_user("editor", roles.editors_group_name("fr"))
    client.force_login(editor)
    assert denied(client.get(url("need", "list")))


# --- Another country's need, by its URL ------------------------------------------------------


@pytest.mark.parametrize("view", ["edit", "delete"])
def test_another_countrys_unvalidated_need_is_not_found_even_by_its_url(
    client, kenya_npc, mali_need, view
):
    client.force_login(kenya_npc)
    assert client.get(url("need", view, mali_need.pk)).status_code == 404
    assert client.post(url("need", view, mali_need.pk), need_form("ML")).status_code == 404
    assert Need.objects.filter(pk=mali_need.pk, title=MALI_DRAFT).exists()


def test_another_countrys_published_need_is_seen_but_not_edited(client, jamaica_npc):
    kenya = Need.objects.get(title=KENYA_NEED)
    client.force_login(jamaica_npc)
    assert denied(client.get(url("need", "edit", kenya.pk)))
    assert denied(client.post(url("need", "delete", kenya.pk)))
    assert Need.objects.filter(pk=kenya.pk).exists()


# --- A national point of contact's own needs -------------------------------------------------


def test_a_national_point_of_contact_edits_its_own_draft(client, kenya_npc, kenya_draft):
    client.force_login(kenya_npc)
    response = client.get(url("need", "edit", kenya_draft.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["country"].queryset.values_list("code", flat=True)) == ["KE"]
    statuses = {value for value, _label in form.fields["status"].choices}
    assert statuses == {"draft", "submitted", "withdrawn"}

    response = client.post(
        url("need", "edit", kenya_draft.pk), need_form("KE", "submitted", "Kenyan need")
    )
    assert response.status_code == 302
    kenya_draft.refresh_from_db()
    assert (kenya_draft.title, kenya_draft.status) == ("Kenyan need", "submitted")


def test_a_national_point_of_contact_cannot_validate_its_own_need(client, kenya_npc, kenya_draft):
    client.force_login(kenya_npc)
    response = client.post(url("need", "edit", kenya_draft.pk), need_form("KE", "validated"))
    assert response.status_code == 200  # the form again, with the error
    assert "status" in response.context["form"].errors
    kenya_draft.refresh_from_db()
    assert kenya_draft.status == Need.Status.DRAFT


def test_a_published_need_is_no_longer_edited_by_its_country(client, kenya_npc):
    client.force_login(kenya_npc)
    kenya = Need.objects.get(title=KENYA_NEED)
    assert denied(client.get(url("need", "edit", kenya.pk)))


def test_a_national_point_of_contact_creates_needs_for_its_own_country_only(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.post(url("need", "add"), need_form("JM", title="Jamaican need by Kenya"))
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not Need.objects.filter(title="Jamaican need by Kenya").exists()

    response = client.post(url("need", "add"), need_form("KE", title="Kenyan need"))
    assert response.status_code == 302
    assert Need.objects.get(title="Kenyan need").country.code == "KE"


def test_a_national_point_of_contact_deletes_only_its_own_drafts(client, kenya_npc, kenya_draft):
    client.force_login(kenya_npc)
    kenya = Need.objects.get(title=KENYA_NEED)
    assert denied(client.post(url("need", "delete", kenya.pk)))
    assert client.post(url("need", "delete", kenya_draft.pk)).status_code == 302
    assert not Need.objects.filter(pk=kenya_draft.pk).exists()


# --- Donors and their resources --------------------------------------------------------------


@pytest.fixture
def eu_draft(db):
    return make_resource(status=Resource.Status.DRAFT, provider="eu", title="EU draft fund")


@pytest.fixture
def unscar_fund(db):
    return make_resource(provider="unscar", title="UNSCAR test window")


def test_a_donor_edits_its_own_organisations_resources_only(
    client, unscar_manager, unscar_fund, eu_draft
):
    eu_active = make_resource(provider="eu", title="EU active fund")
    client.force_login(unscar_manager)
    html = listing(client, "resource")
    assert "UNSCAR test window" in html and "EU active fund" in html
    assert "EU draft fund" not in html

    response = client.get(url("resource", "edit", unscar_fund.pk))
    assert response.status_code == 200
    provider = response.context["form"].fields["provider"]
    assert list(provider.queryset.values_list("code", flat=True)) == ["unscar"]

    assert denied(client.get(url("resource", "edit", eu_active.pk)))
    assert client.get(url("resource", "edit", eu_draft.pk)).status_code == 404
    assert denied(client.post(url("resource", "delete", eu_active.pk)))
    assert Resource.objects.filter(pk=eu_active.pk).exists()


def test_a_donor_cannot_give_a_resource_to_another_organisation(
    client, unscar_manager, unscar_fund
):
    client.force_login(unscar_manager)
    form = client.get(url("resource", "edit", unscar_fund.pk)).context["form"]
    data = as_posted(form)
    data["title"] = "Renamed window"
    data["provider"] = Organisation.objects.by_code("eu").pk
    response = client.post(url("resource", "edit", unscar_fund.pk), data)
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors
    unscar_fund.refresh_from_db()
    assert (unscar_fund.title, unscar_fund.provider.code) == ("UNSCAR test window", "unscar")

    data["provider"] = Organisation.objects.by_code("unscar").pk
    assert client.post(url("resource", "edit", unscar_fund.pk), data).status_code == 302
    unscar_fund.refresh_from_db()
    assert unscar_fund.title == "Renamed window"


def as_posted(form):
    """What the browser sends back for an unchanged form."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        else:
            data[name] = value
    return data


# --- Matches and projects --------------------------------------------------------------------


def test_matches_and_projects_are_read_only_outside_the_secretariat(
    client, unscar_manager, secretariat_member
):
    match = Match.objects.filter(need__title=KENYA_NEED).first()
    project = Project.objects.first()
    client.force_login(unscar_manager)
    response = client.get(url("match", "edit", match.pk))
    assert denied(response) or response.status_code == 404
    if project:
        assert denied(client.get(url("project", "edit", project.pk)))

    client.force_login(secretariat_member)
    assert client.get(url("match", "edit", match.pk)).status_code == 200
    if project:
        assert client.get(url("project", "edit", project.pk)).status_code == 200
    assert MALI_DRAFT in listing(client, "need")
