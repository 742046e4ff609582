"""Network members and contacts use the same instrument codes as national reports."""

import importlib

import pytest
from django.apps import apps

from cms.core.instruments import Instrument
from cms.library.models import NationalReportPage
from cms.network.models import MemberProfile, PointOfContact

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cms.network.migrations.0003_unified_instrument_codes")


def test_one_vocabulary_for_reports_members_and_contacts():
    report_codes = NationalReportPage._meta.get_field("instrument").choices
    assert PointOfContact._meta.get_field("instrument").choices == report_codes
    assert MemberProfile._meta.get_field("instrument").choices == report_codes
    assert Instrument.BOTH == "poa_iti"


def test_contacts_filtered_by_the_report_code_for_both_instruments(client):
    codes = set(PointOfContact.objects.values_list("instrument", flat=True).distinct())
    assert codes <= set(Instrument.values)
    assert Instrument.BOTH in codes  # the demo directory has contacts for both instruments
    response = client.get("/api/v2/contacts/", {"instrument": "poa_iti"})
    assert response.status_code == 200
    assert (
        response.json()["meta"]["total_count"]
        == PointOfContact.objects.filter(instrument="poa_iti").count()
    )
    assert client.get("/api/v2/contacts/", {"instrument": "both"}).status_code == 400


def test_migration_renames_the_old_code_and_back(country):
    contact = PointOfContact.objects.create(
        country=country, instrument="poa", name="Test", organisation="Test"
    )
    PointOfContact.objects.filter(pk=contact.pk).update(instrument="both")

    migration.forwards(apps, None)
    contact.refresh_from_db()
    assert contact.instrument == Instrument.BOTH

    migration.backwards(apps, None)
    contact.refresh_from_db()
    assert contact.instrument == "both"
