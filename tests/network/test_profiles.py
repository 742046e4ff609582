import pytest
from django.contrib.auth.models import AnonymousUser

from cms.core.models import Country
from cms.network.models import PointOfContact
from cms.network.profiles import contacts_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts():
    country = Country.objects.get(code="GH", locale__language_code="en")
    national = PointOfContact.objects.create(
        country=country,
        instrument="poa",
        scope="national",
        name="National Person",
        organisation="National Focal Point",
        email="national@example.org",
        telephone="+254 1",
    )
    regional = PointOfContact.objects.create(
        country=country,
        instrument="iti",
        scope="regional",
        name="Regional Person",
        organisation="Regional Centre on Small Arms",
        email="regional@example.org",
    )
    elsewhere = Country.objects.get(code="FR", locale__language_code="en")
    PointOfContact.objects.create(
        country=elsewhere, instrument="poa", name="Other", organisation="Elsewhere"
    )
    return national, regional


def test_the_public_section_has_names_and_roles_only(contacts):
    section = contacts_section("gh", "en", AnonymousUser())
    assert [entry["name"] for entry in section] == ["National Person", "Regional Person"]
    assert all("email" not in entry and "telephone" not in entry for entry in section)


def test_members_and_the_secretariat_get_the_details(contacts, member, secretariat):
    for user in (member, secretariat):
        section = contacts_section("GH", "en", user)
        assert section[0]["email"] == "national@example.org"
        assert section[0]["telephone"] == "+254 1"


def test_a_signed_in_non_member_gets_no_details(contacts, outsider):
    assert all("email" not in entry for entry in contacts_section("GH", "fr", outsider))


def test_an_unknown_country_has_an_empty_section(contacts):
    assert contacts_section("ZZ", "en", AnonymousUser()) == []
