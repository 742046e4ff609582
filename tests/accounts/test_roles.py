import pytest
from django.contrib.auth.models import AnonymousUser, Group, User

from cms.accounts import roles
from cms.accounts.models import UserProfile
from cms.core.models import Country, Organisation


@pytest.mark.django_db
def test_every_role_group_exists_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.all_group_names()) <= names
    assert "Language reviewers (zh-hans)" in names


@pytest.mark.django_db
def test_a_point_of_contact_speaks_for_the_country_of_their_profile(vocabularies):
    user = User.objects.create_user("npc-ghana")
    user.groups.add(Group.objects.get(name=roles.NATIONAL_POINTS_OF_CONTACT))
    # Any locale's term identifies the country: permission checks compare codes.
    ghana_fr = Country.objects.get(code="GH", locale__language_code="fr")
    UserProfile.objects.create(user=user, country=ghana_fr)
    user = User.objects.get(pk=user.pk)

    assert roles.is_national_point_of_contact(user)
    assert not roles.is_secretariat(user)
    assert roles.represented_country_code(user) == "GH"


@pytest.mark.django_db
def test_anonymous_and_profileless_users_speak_for_no_one(vocabularies):
    plain = User.objects.create_user("plain")
    assert roles.represented_country_code(AnonymousUser()) is None
    assert roles.represented_country_code(plain) is None
    assert roles.represented_organisation_code(plain) is None
    assert not roles.is_donor(AnonymousUser())


@pytest.mark.django_db
def test_superusers_and_the_secretariat_group_act_as_secretariat(vocabularies):
    boss = User.objects.create_superuser("boss", password="x")
    staff = User.objects.create_user("staff")
    staff.groups.add(Group.objects.get(name=roles.SECRETARIAT))
    donor = User.objects.create_user("donor")
    donor.groups.add(Group.objects.get(name=roles.DONORS))
    UserProfile.objects.create(user=donor, organisation=Organisation.objects.first())

    assert roles.is_secretariat(boss) and roles.is_secretariat(staff)
    assert not roles.is_secretariat(donor)
    assert roles.is_donor(donor)
    assert roles.represented_organisation_code(donor) == Organisation.objects.first().code
