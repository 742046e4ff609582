"""The admin per role: choices once per term with a search box, an NPC's only country, the
translations per language, the donor's and the NPC's dashboards, the match decision."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from assistance.models import Match, Need, Resource, StatedNeed, StatusChange
from cms.core.models import Country, Organisation, ThematicArea

from .conftest import make_need, make_resource
from .test_admin_scoping import denied, need_form, url

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def choice_labels(field):
    return [label for value, label in field.choices if value != ""]


# --- Choices: one entry per term, in the admin's language, with a search box ---------------


def test_the_secretariat_chooses_each_state_once_in_its_language(client, secretariat):
    profile = UserProfile.get_for_user(secretariat)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(secretariat)
    response = client.get(url("need", "add"))
    html = response.content.decode()
    select = html.split('name="country"')[1].split("</select>")[0]
    labels = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)
    assert len(labels) == len(set(labels)) == Country.objects.source().reporting_states().count()
    assert "Kenya" in labels and "Allemagne" in labels and "Germany" not in labels
    assert 'data-term-search="' in select
    assert "core/js/term-search.js" in html
    with translation.override("fr"):
        themes = choice_labels(response.context["form"].fields["themes"])
    assert len(themes) == len(set(themes)) == ThematicArea.objects.source().count()


def test_a_resource_lists_organisations_and_countries_once(admin_client):
    resource = Resource.objects.first()
    response = admin_client.get(url("resource", "edit", resource.pk))
    form = response.context["form"]
    for name in ("provider", "eligible_countries", "themes"):
        queryset = form.fields[name].queryset
        assert set(queryset.values_list("locale__language_code", flat=True)) == {"en"}, name
    assert 'name="eligible_countries"' in response.content.decode()


def test_a_national_point_of_contact_has_its_country_preselected_and_only(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.get(url("need", "add"))
    field = response.context["form"].fields["country"]
    kenya = Country.objects.by_code("KE")
    assert list(field.choices)[0][0] == kenya.pk and len(list(field.choices)) == 1
    assert field.initial == kenya.pk
    html = response.content.decode()
    assert f'<option value="{kenya.pk}" selected>' in html


def test_a_forged_country_gets_a_form_error_saying_why(client, kenya_npc):
    client.force_login(kenya_npc)
    response = client.post(url("need", "add"), need_form("JM", title="Forged"))
    assert response.status_code == 200
    errors = response.context["form"].errors["country"]
    assert errors == ["You can state needs only for Kenya, the State you represent."]
    assert not Need.objects.filter(title="Forged").exists()


def test_a_donor_describes_resources_of_its_own_organisation_only(client, unscar_manager):
    client.force_login(unscar_manager)
    response = client.get(url("resource", "add"))
    field = response.context["form"].fields["provider"]
    unscar = Organisation.objects.by_code("unscar")
    assert [value for value, _label in field.choices] == [unscar.pk]
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in ("kind", "status", "currency")}
    data.update(title="Forged fund", provider=Organisation.objects.by_code("eu").pk)
    response = client.post(url("resource", "add"), data)
    assert "the organisation you represent" in str(response.context["form"].errors["provider"])


# --- Translations: a field per language ------------------------------------------------------


def test_translations_round_trip_through_the_fields_per_language(admin_client):
    need = make_need(title="Marking machines", description="Two machines.")
    need.translations = {"fr": {"title": "Machines de marquage", "description": "Deux."}}
    need.save()
    response = admin_client.get(url("need", "edit", need.pk))
    html = response.content.decode()
    assert 'value="Machines de marquage"' in html
    assert '<textarea name="translations"' not in html and "{&quot;fr&quot;" not in html
    fields = list(response.context["form"].fields["translations"].widget.slots)
    assert ("en", "title") not in [(code, name) for code, name, *_rest in fields]

    data = need_form("KE", status="draft", title="Marking machines")
    data.pop("translations")
    data.update(
        {
            "status": need.status,
            "translations_0": "Machines de marquage",  # fr title
            "translations_1": "Deux machines.",  # fr description
            "translations_4": "Маркировочные станки",  # ru title
        }
    )
    response = admin_client.post(url("need", "edit", need.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    need.refresh_from_db()
    assert need.translations == {
        "fr": {"title": "Machines de marquage", "description": "Deux machines."},
        "ru": {"title": "Маркировочные станки"},
    }


def test_a_translated_description_needs_its_title(admin_client):
    need = make_need(title="Marking machines")
    data = need_form("KE", title="Marking machines")
    data.pop("translations")
    data.update({"status": need.status, "translations_3": "Sin título"})  # es description
    response = admin_client.post(url("need", "edit", need.pk), data)
    assert response.status_code == 200
    assert "Español" in str(response.context["form"].errors["translations"])


def test_the_admin_language_comes_first(client, secretariat):
    profile = UserProfile.get_for_user(secretariat)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(secretariat)
    html = client.get(url("need", "edit", make_need().pk)).content.decode()
    assert html.index('class="poaiss-translation" lang="ru"') < html.index(
        'class="poaiss-translation" lang="fr"'
    )


# --- The match decision ----------------------------------------------------------------------


def test_the_review_decision_starts_empty_and_must_be_chosen(admin_client):
    match = Match.objects.filter(status=Match.Status.PROPOSED).first()
    html = admin_client.get(reverse("assistance_review")).content.decode()
    form = html.split(f'name="match" value="{match.pk}"')[1].split("</form>")[0]
    assert re.findall(r'<option value="(\w*)" selected>', form) == [""]
    response = admin_client.post(reverse("assistance_review"), {"match": match.pk, "status": ""})
    assert response.status_code == 400
    assert "Choose a decision." in response.content.decode()
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED


@pytest.fixture
def unscar_match(db):
    fund = make_resource(provider="unscar", title="UNSCAR window for Kenya")
    other = make_resource(provider="eu", title="EU window for Kenya")
    need = make_need(country="KE", title="Kenyan marking need")
    matches = []
    for resource in (fund, other):
        matches.append(
            Match.objects.create(
                need=need, resource_key=str(resource.pk), score=80, status=Match.Status.PROPOSED
            )
        )
        matches[-1].contributions.create(resource=resource, amount_usd=1000)
    return matches


def test_the_donor_panel_lists_only_its_own_proposed_matches(client, unscar_manager, unscar_match):
    client.force_login(unscar_manager)
    html = client.get(HOME).content.decode()
    assert "My organisation" in html
    assert "UNSCAR window for Kenya" in html and "EU window for Kenya" not in html
    mine, theirs = unscar_match
    assert reverse("assistance_match_decision", args=[mine.pk]) in html
    assert reverse("assistance_match_decision", args=[theirs.pk]) not in html
    response = client.post(reverse("assistance_match_decision", args=[theirs.pk]))
    assert denied(response)
    theirs.refresh_from_db()
    assert theirs.status == Match.Status.PROPOSED


def test_a_donor_accepts_a_match_with_feedback(client, unscar_manager, unscar_match):
    mine = unscar_match[0]
    client.force_login(unscar_manager)
    target = reverse("assistance_match_decision", args=[mine.pk])
    response = client.post(target, {"status": "", "reason": "", "next": HOME})
    assert response.status_code == 400 and "Choose a decision." in response.content.decode()

    response = client.post(target, {"status": "agreed", "reason": "We fund it.", "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    mine.refresh_from_db()
    assert (mine.status, mine.provider_feedback) == (Match.Status.AGREED, "We fund it.")
    change = StatusChange.objects.filter(object_id=mine.pk, to_status="agreed").latest("pk")
    assert (change.from_status, change.to_status) == ("proposed", "agreed")
    assert change.changed_by == unscar_manager


def test_a_donor_declines_with_a_reason(client, unscar_manager, unscar_match):
    mine = unscar_match[0]
    client.force_login(unscar_manager)
    target = reverse("assistance_match_decision", args=[mine.pk])
    response = client.post(target, {"status": "declined", "reason": ""})
    assert response.status_code == 400
    response = client.post(target, {"status": "declined", "reason": "Out of scope."})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.decline_reason) == (Match.Status.DECLINED, "Out of scope.")


def test_a_donor_cannot_record_funding(client, unscar_manager, unscar_match):
    client.force_login(unscar_manager)
    target = reverse("assistance_match_decision", args=[unscar_match[0].pk])
    response = client.post(target, {"status": "funded", "reason": ""})
    assert response.status_code == 400  # not one of the choices: accept or decline
    unscar_match[0].refresh_from_db()
    assert unscar_match[0].status == Match.Status.PROPOSED


# --- My country, and the needs stated in national reports ------------------------------------


def test_the_country_panel_shows_the_countrys_needs_and_matches(client, kenya_npc, unscar_match):
    client.force_login(kenya_npc)
    html = client.get(HOME).content.decode()
    assert "My country: Kenya" in html
    assert "Kenyan marking need" in html and "UNSCAR window for Kenya" in html
    assert "Review of the firearms law" not in html  # Mali's


@pytest.fixture
def stated_need(db):
    link = StatedNeed.objects.filter(state=StatedNeed.State.PROPOSED).select_related("need")
    link = link.first()
    if link is None:
        pytest.skip("the demo has no need proposed from a report")
    return link


def test_the_state_confirms_a_need_stated_in_its_report(client, stated_need):
    from cms.accounts import roles

    from .conftest import make_user

    code = stated_need.need.country.code
    npc = make_user("npc-stated", roles.NATIONAL_POINTS_OF_CONTACT, country=code)
    client.force_login(npc)
    html = client.get(HOME).content.decode()
    target = reverse("assistance_stated_need", args=[stated_need.need.pk, "confirm"])
    assert target in html
    assert client.get(target).status_code == 200
    response = client.post(target, {"next": HOME})
    assert response.status_code == 302
    stated_need.refresh_from_db()
    assert stated_need.state == StatedNeed.State.CONFIRMED and stated_need.decided_by == npc


def test_another_state_cannot_discard_it(client, stated_need, jamaica_npc, kenya_npc):
    npc = kenya_npc if stated_need.need.country.code != "KE" else jamaica_npc
    client.force_login(npc)
    target = reverse("assistance_stated_need", args=[stated_need.need.pk, "discard"])
    assert denied(client.post(target)) or client.post(target).status_code == 404
    stated_need.refresh_from_db()
    assert stated_need.state == StatedNeed.State.PROPOSED


def test_the_secretariat_discards_from_the_list_of_needs(admin_client, stated_need):
    response = admin_client.get(url("need", "list"), {"from_report": "proposed"})
    target = reverse("assistance_stated_need", args=[stated_need.need.pk, "discard"])
    assert target in response.content.decode()
    assert admin_client.post(target).status_code == 302
    stated_need.refresh_from_db()
    stated_need.need.refresh_from_db()
    assert stated_need.state == StatedNeed.State.DISCARDED
    assert stated_need.need.status == Need.Status.WITHDRAWN


def test_the_secretariat_sees_its_queue(admin_client):
    html = admin_client.get(HOME).content.decode()
    assert "Waiting for the secretariat" in html


def test_a_projects_translations_are_fields_per_language(admin_client):
    from assistance.models import Project

    project = Project.objects.create(code="P-1", title="Marking project", amount=0)
    html = admin_client.get(url("project", "edit", project.pk)).content.decode()
    assert 'class="poaiss-translation" lang="fr"' in html
