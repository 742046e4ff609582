import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assistance.models import Match, Need, Resource

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["need", "resource", "match", "project"])
def test_each_assistance_list_opens_in_the_admin(admin_client, model):
    response = admin_client.get(reverse(f"wagtailsnippets_assistance_{model}:list"))
    assert response.status_code == 200


def test_the_need_list_filters_by_country(admin_client):
    # Kenya's demo need written directly (its national report proposes others).
    kenya = Need.objects.get(country__code="KE", stated_in_report=None).country
    response = admin_client.get(
        reverse("wagtailsnippets_assistance_need:list"), {"country": kenya.pk}
    )
    assert "Safe storage of ammunition" in response.content.decode()
    assert "Marking and record-keeping" not in response.content.decode()


@pytest.mark.parametrize("model", [Need, Resource])
def test_the_editor_opens_with_source_language_terms(admin_client, model):
    item = model.objects.first()
    name = model._meta.model_name
    response = admin_client.get(reverse(f"wagtailsnippets_assistance_{name}:edit", args=[item.pk]))
    assert response.status_code == 200
    choices = response.context["form"].fields["themes"].queryset
    assert set(choices.values_list("locale__language_code", flat=True)) == {"en"}


def test_the_secretariat_declines_a_proposal_with_a_reason(admin_client):
    match = Match.objects.get(need__country__code="KE")
    url = reverse("assistance_review")
    assert "Safe storage of ammunition" in admin_client.get(url).content.decode()

    admin_client.post(url, {"match": match.pk, "status": "declined", "reason": ""})
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED  # a decline needs a reason

    admin_client.post(url, {"match": match.pk, "status": "declined", "reason": "Duplicate"})
    match.refresh_from_db()
    assert (match.status, match.decline_reason) == (Match.Status.DECLINED, "Duplicate")


def test_the_review_screen_is_for_the_secretariat(client, kenya_npc):
    client.force_login(kenya_npc)
    assert client.get(reverse("assistance_review")).status_code in (302, 403)


def test_the_coverage_report_downloads_as_csv_in_the_language_asked(admin_client):
    response = admin_client.get(reverse("assistance_coverage_csv"), {"locale": "es"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows[0]) == 9
    africa = [row for row in rows[1:] if row[0] == "002"]
    assert africa and africa[0][1] == "África"


def test_the_dashboard_shows_the_headline_figures(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Assistance needs" in html
    assert "US$1,650,000" in html  # requested by the five validated demo needs


def test_the_project_editor_sets_focus_regions_and_the_iati_identifier(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_assistance_project:add"))
    form = response.context["form"]
    assert "iati_identifier" in form.fields
    regions = form.fields["focus_regions"].queryset
    assert regions.filter(code="002").exists()  # Africa, M49
    assert set(regions.values_list("locale__language_code", flat=True)) == {"en"}


def test_the_need_editor_offers_the_195_states_in_the_users_language(admin_client, admin_user):
    from bs4 import BeautifulSoup
    from wagtail.users.models import UserProfile as WagtailUserProfile

    from cms.core.models import Country

    profile = WagtailUserProfile.get_for_user(admin_user)
    profile.preferred_language = "ru"
    profile.save()
    need = Need.objects.get(country__code="KE", stated_in_report=None)
    url = reverse("wagtailsnippets_assistance_need:edit", args=[need.pk])
    page = BeautifulSoup(admin_client.get(url).content, "html.parser")
    select = page.find("select", attrs={"name": "country"})
    options = {opt["value"]: opt.get_text() for opt in select.find_all("option") if opt["value"]}
    assert len(options) == 195
    kenya = Country.objects.get(code="KE", locale__language_code="en")
    assert options[str(kenya.pk)] == "Кения"
    greenland = Country.objects.get(code="GL", locale__language_code="en")
    assert str(greenland.pk) not in options

    data = {"country": greenland.pk}
    form = admin_client.get(url).context["form"]
    bound = form.__class__(instance=need, data=data, for_user=admin_user)
    assert not bound.is_valid()
    assert "country" in bound.errors
    need.country = greenland
    with pytest.raises(ValidationError) as refused:
        need.full_clean()
    assert "country" in refused.value.message_dict
