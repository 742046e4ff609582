"""The admin's user forms show and save who the user speaks for, and their language."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from cms.accounts import roles
from cms.accounts.models import UserProfile
from cms.core.models import Country
from cms.core.states import name_sort_key

pytestmark = pytest.mark.usefixtures("demo_site")


def form_data(**extra):
    return {
        "username": "npc-kenya",
        "email": "npc@kenya.example.org",
        "first_name": "Amina",
        "last_name": "Otieno",
        "password1": "Long-enough-pass-42",
        "password2": "Long-enough-pass-42",
        "is_active": "on",
        **extra,
    }


def test_creating_a_user_saves_the_profile(admin_client):
    kenya = Country.objects.get(code="KE", locale__language_code="en")
    npc = Group.objects.get(name=roles.NATIONAL_POINTS_OF_CONTACT)
    page = admin_client.get(reverse("wagtailusers_users:add"))
    assert page.status_code == 200
    assert 'name="preferred_language"' in page.content.decode()
    assert 'name="country"' in page.content.decode()

    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        form_data(country=kenya.pk, preferred_language="fr", groups=[npc.pk]),
    )
    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(username="npc-kenya")
    assert roles.represented_country_code(user) == "KE"
    assert user.poaiss_profile.preferred_language == "fr"
    assert roles.is_national_point_of_contact(user)


def test_editing_a_user_shows_and_changes_the_profile(admin_client, make_user):
    user = make_user("donor", roles.DONORS, language="es")
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["preferred_language"] == "es"

    data = form_data(username="donor", email="donor@example.org", password1="", password2="")
    data["preferred_language"] = "ar"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert UserProfile.objects.get(user=user).preferred_language == "ar"


def test_an_unknown_language_is_refused_with_a_field_error(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"), form_data(preferred_language="de")
    )
    assert response.status_code == 200
    assert "preferred_language" in response.context["form"].errors
    assert not User.objects.filter(username="npc-kenya").exists()


def test_the_country_represented_is_one_of_the_195_states_in_the_users_language(
    admin_client, admin_user
):
    from bs4 import BeautifulSoup
    from wagtail.users.models import UserProfile as WagtailUserProfile

    profile = WagtailUserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    page = admin_client.get(reverse("wagtailusers_users:add"))
    select = BeautifulSoup(page.content, "html.parser").find("select", attrs={"name": "country"})
    options = [option for option in select.find_all("option") if option.get("value")]
    assert len(options) == 195
    rows = Country.objects.in_bulk([int(option["value"]) for option in options])
    assert {row.locale.language_code for row in rows.values()} == {"en"}
    labels = {rows[int(option["value"])].code: option.get_text() for option in options}
    assert labels["BO"] == "Bolivia (Estado Plurinacional de)"
    assert not {"GL", "TW", "HK", "EH"} & set(labels)
    assert list(labels.values()) == sorted(labels.values(), key=name_sort_key)

    greenland = Country.objects.get(code="GL", locale__language_code="en")
    npc = Group.objects.get(name=roles.NATIONAL_POINTS_OF_CONTACT)
    response = admin_client.post(
        reverse("wagtailusers_users:add"), form_data(country=greenland.pk, groups=[npc.pk])
    )
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not User.objects.filter(username="npc-kenya").exists()


def test_a_profile_naming_a_territory_speaks_for_no_country(make_user):
    user = make_user("npc-greenland", roles.NATIONAL_POINTS_OF_CONTACT)
    UserProfile.objects.update_or_create(
        user=user, defaults={"country": Country.objects.get(code="GL", locale__language_code="en")}
    )
    user.refresh_from_db()
    assert roles.represented_country_code(user) is None
