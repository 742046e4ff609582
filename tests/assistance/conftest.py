from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from assistance.models import Need, Resource
from cms.accounts import roles
from cms.accounts.models import UserProfile
from cms.celery import app
from cms.core.models import (
    AssistanceForm,
    Country,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)


@pytest.fixture
def eager_tasks():
    """Run Celery tasks in-process, whatever broker the run is configured with."""
    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


def committed():
    """Run the on-commit work (outbox dispatch, rematching) of what the block does."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def make_need(
    country="KE",
    themes=("marking",),
    forms=("financial",),
    amount=100_000,
    currency="USD",
    start=date(2027, 3, 1),
    duration=12,
    status=Need.Status.PUBLISHED,
    applicant=None,
    priority=2,
    title="A need",
    open_since=date(2026, 11, 2),
    **fields,
):
    """A need as of a fixed day (validated on `open_since`), so call timing never depends on
    the day the tests run."""
    need = Need(
        title=title,
        country=Country.objects.by_code(country),
        applicant=Organisation.objects.by_code(applicant) if applicant else None,
        amount=Decimal(amount),
        currency=currency,
        start_date=start,
        duration_months=duration,
        status=status,
        priority=priority,
        consent_to_publish=True,
        open_since=open_since if status in Need.VALIDATED_STATUSES else None,
        **fields,
    )
    need.save()
    need.themes.set(ThematicArea.objects.by_codes(themes))
    need.forms.set(AssistanceForm.objects.by_codes(forms))
    return need


def make_resource(
    themes=("marking",),
    forms=("financial",),
    cap=200_000,
    floor=0,
    currency="USD",
    is_global=True,
    countries=(),
    regions=(),
    groups=(),
    applicants=(),
    rolling=True,
    opens=None,
    closes=None,
    status=Resource.Status.ACTIVE,
    title="A resource",
    provider=None,
    kind=Resource.Kind.FUND,
    **fields,
):
    resource = Resource(
        title=title,
        kind=kind,
        status=status,
        grant_cap=Decimal(cap),
        grant_floor=Decimal(floor),
        currency=currency,
        is_global=is_global,
        eligible_groups=list(groups),
        rolling=rolling,
        call_opens=opens,
        call_closes=closes,
        provider=Organisation.objects.by_code(provider) if provider else None,
        **fields,
    )
    resource.save()
    resource.themes.set(ThematicArea.objects.by_codes(themes))
    resource.forms.set(AssistanceForm.objects.by_codes(forms))
    resource.eligible_countries.set(Country.objects.by_codes(countries))
    resource.eligible_regions.set(Region.objects.by_codes(regions))
    resource.eligible_applicant_types.set(OrganisationType.objects.by_codes(applicants))
    return resource


def make_user(username, group=None, country=None, organisation=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.create(
        user=user,
        country=Country.objects.by_code(country) if country else None,
        organisation=Organisation.objects.by_code(organisation) if organisation else None,
    )
    return user


@pytest.fixture
def secretariat(db):
    return make_user("secretariat", roles.SECRETARIAT)


@pytest.fixture
def kenya_npc(db):
    return make_user("npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, country="KE")


@pytest.fixture
def jamaica_npc(db):
    return make_user("npc-jm", roles.NATIONAL_POINTS_OF_CONTACT, country="JM")


@pytest.fixture
def unscar_manager(db):
    return make_user("unscar", roles.DONORS, organisation="unscar")


@pytest.fixture
def eu_manager(db):
    return make_user("eu", roles.DONORS, organisation="eu")
