"""National points of contact exist only for the States that report: never for a territory.

The directory (the admin, the demo loader) and the network's national points of contact (the
membership API, invitations, the admin) name a UN Member State or non-member observer State;
a territory is refused on the country field, naming it.
"""

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.core.models import Country
from cms.network import demo, membership
from cms.network.models import MemberProfile, PointOfContact

pytestmark = pytest.mark.django_db

MEMBERSHIP = "/api/v2/network/membership/"
TERRITORY = "GL"  # Greenland: in ISO 3166-1 and the M49 table, not a State that reports


def english(code):
    return Country.objects.get(code=code, locale__language_code="en")


def application(role, country):
    return {"display_name": "Applicant", "role": role, "country": country, "languages": ["en"]}


def test_a_national_point_of_contact_of_a_territory_is_refused_on_country(as_user, outsider):
    response = as_user(outsider).post(
        MEMBERSHIP, application("national_point_of_contact", TERRITORY), format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == ["country"]
    assert "Greenland is not a State that reports" in body["errors"]["country"][0]
    assert not MemberProfile.objects.filter(user=outsider).exists()


def test_other_members_may_live_in_a_territory_and_points_of_contact_in_a_state(
    as_user, outsider, django_user_model
):
    expert = as_user(outsider).post(MEMBERSHIP, application("expert", TERRITORY), format="json")
    assert expert.status_code == 201, expert.json()

    official = django_user_model.objects.create_user("official", password="an-official-pass-1")
    national = as_user(official).post(
        MEMBERSHIP, application("national_point_of_contact", "KE"), format="json"
    )
    assert national.status_code == 201, national.json()
    assert national.json()["country"] == "KE"


def test_an_invitation_names_a_state_for_a_point_of_contact(secretariat, outsider):
    with pytest.raises(ValidationError) as refused:
        membership.invite(
            secretariat,
            outsider,
            display_name="Invited",
            role=MemberProfile.Role.NATIONAL_POINT_OF_CONTACT,
            country=english(TERRITORY),
        )
    assert list(refused.value.message_dict) == ["country"]
    assert not MemberProfile.objects.filter(user=outsider).exists()


def test_a_directory_entry_for_a_territory_is_refused_on_country():
    contact = PointOfContact(
        country=english(TERRITORY),
        instrument="poa",
        name="A. Person",
        organisation="A ministry",
    )
    with pytest.raises(ValidationError) as refused:
        contact.full_clean()
    assert list(refused.value.message_dict) == ["country"]


def contact_form(country, name):
    return {
        "country": country.pk,
        "instrument": "poa",
        "scope": "national",
        "name": name,
        "organisation": "Ministry of Foreign Affairs",
        "role_title": "",
        "email": "",
        "telephone": "",
    }


def test_the_admin_lists_the_reporting_states_only_and_refuses_a_territory(client, secretariat):
    client.force_login(secretariat)
    add = reverse("network_contacts:add")

    form = client.get(add)
    assert form.status_code == 200
    choices = form.context["form"].fields["country"].queryset
    codes = [country.code for country in choices]
    assert len(codes) == len(set(codes)) == 195
    assert TERRITORY not in codes

    refused = client.post(add, contact_form(english(TERRITORY), "Territory contact"))
    assert refused.status_code == 200
    assert refused.context["form"].errors["country"]
    assert not PointOfContact.objects.filter(name="Territory contact").exists()

    created = client.post(add, contact_form(english("KE"), "Kenyan contact"))
    assert created.status_code == 302
    assert PointOfContact.objects.get(name="Kenyan contact").country.code == "KE"


def test_the_member_admin_refuses_a_point_of_contact_of_a_territory(
    client, secretariat, make_member
):
    member = make_member("candice")
    profile = member.network_member
    client.force_login(secretariat)
    url = reverse("network_members:edit", args=[profile.pk])
    data = {
        "status": profile.status,
        "display_name": profile.display_name,
        "role": MemberProfile.Role.NATIONAL_POINT_OF_CONTACT,
        "instrument": "poa",
        "country": english(TERRITORY).pk,
        "organisation": "",
        "languages": "[]",
        "application_note": "",
        "instant_notifications": "on",
        "digest": "weekly",
        "approved_posts": "5",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Greenland is not a State that reports" in " ".join(
        response.context["form"].errors["country"]
    )
    profile.refresh_from_db()
    assert profile.role == MemberProfile.Role.EXPERT


def test_the_demo_loader_names_the_entry_and_field_of_a_territory_and_writes_nothing(
    tmp_path, monkeypatch
):
    spec = yaml.safe_load(demo.DEMO_FILE.read_text(encoding="utf-8"))
    spec["contacts"].append(
        {
            "country": TERRITORY,
            "instrument": "poa",
            "scope": "national",
            "name": "Territory contact",
            "organisation": "A territorial office",
        }
    )
    broken = tmp_path / "demo.yaml"
    broken.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(demo, "DEMO_FILE", broken)
    before = PointOfContact.objects.count()

    with pytest.raises(ValueError, match=rf"contacts, entry {len(spec['contacts'])}: country: "):
        demo.load()

    assert PointOfContact.objects.count() == before


def test_every_demo_contact_and_point_of_contact_is_a_reporting_state():
    assert PointOfContact.objects.exists()
    for contact in PointOfContact.objects.select_related("country"):
        assert contact.country.is_reporting_state, contact
    national = MemberProfile.objects.filter(role=MemberProfile.Role.NATIONAL_POINT_OF_CONTACT)
    assert national.exists()
    for profile in national.select_related("country"):
        assert profile.country.is_reporting_state, profile
