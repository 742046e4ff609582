"""IATI 2.03: projects exported (command and API) and activities imported as projects or
resources, all or nothing and idempotent."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from assistance.currency import to_usd
from assistance.imports.iati.activity import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityStatus,
    Budget,
    Description,
    Organisation,
    OrganisationRole,
    ParticipatingOrganisation,
    RecipientCountry,
    RecipientRegion,
    Sector,
)
from assistance.imports.iati.schema import schema_errors
from assistance.imports.iati.writer import write_activities
from assistance.models import Need, Project, Resource

from .conftest import make_need
from .imports.iati_rules import ruleset_errors

pytestmark = pytest.mark.django_db

SEED_LISTING = Path("/work/shared/seeds/002_5327d09e30cde131.txt")
LISTING = Path(__file__).parent / "imports" / "data" / "desa_project_listing.txt"
EXAMPLES = Path(__file__).parents[2] / "assistance" / "imports" / "examples"

# The fields a project keeps through an IATI export and import.
KEPT = (
    "code",
    "title",
    "description",
    "expectations",
    "objective",
    "accomplishments",
    "partners",
    "start_date",
    "end_date",
    "funding_source",
    "division",
    "implementing_organisation_id",
    "status",
    "amount",
    "currency",
    "amount_usd",
    "original_language",
    "translations",
)


def snapshot(project):
    values = {name: getattr(project, name) for name in KEPT}
    values["countries"] = sorted(project.focus_countries.values_list("code", flat=True))
    values["regions"] = sorted(project.focus_regions.values_list("code", flat=True))
    return values


def projects_with_dates():
    call_command("import_assistance", "projects", str(EXAMPLES / "projects.csv"))
    regional = Project.objects.get(code="UNR/27/001")
    regional.description = "A regional programme of the Centre."
    regional.translations = {
        "fr": {"title": "Marquage et enregistrement régional en Afrique de l'Ouest"},
        "ar": {"title": "الوسم وحفظ السجلات على الصعيد الإقليمي في غرب أفريقيا"},
    }
    regional.save()
    return Project.objects.filter(code__in=["UNR/27/001", "UNR/26/004"])


def xml(document):
    return etree.fromstring(document)


def test_the_listing_of_the_seed_keeps_focus_regions(demo_site):
    call_command("import_project_listing", str(SEED_LISTING))
    parliaments = Project.objects.get(code="RAF08X01")  # "Focus Countries: Africa"
    assert list(parliaments.focus_regions.values_list("code", flat=True)) == ["002"]
    assert not parliaments.focus_countries.exists()
    emirates = Project.objects.get(code="UAE13X01")
    assert list(emirates.focus_countries.values_list("code", flat=True)) == ["AE"]
    assert not emirates.focus_regions.exists()


def test_the_api_serves_and_filters_focus_regions(client, demo_site):
    call_command("import_project_listing", str(SEED_LISTING))
    projects_with_dates()
    listing = client.get("/api/v2/projects/", {"limit": 100}).json()
    parliaments = next(p for p in listing["items"] if p["code"] == "RAF08X01")
    assert parliaments["focus_regions"] == ["002"] and parliaments["names"]["002"] == "Africa"

    in_africa = {
        p["code"] for p in client.get("/api/v2/projects/?region=002&limit=100").json()["items"]
    }
    # Focused on Africa, on Western Africa (a part of it), or on countries of Africa.
    assert {"RAF08X01", "UNR/27/001", "UNR/26/004", "TOG09002"} <= in_africa
    assert "UAE13X01" not in in_africa
    western = {
        p["code"] for p in client.get("/api/v2/projects/?region=011&limit=100").json()["items"]
    }
    assert "UNR/27/001" in western and "RAF08X01" not in western


def test_the_export_is_valid_iati_with_the_salw_sector(tmp_path, capsys):
    projects_with_dates()
    output = tmp_path / "activities.xml"
    call_command("export_iati", "--output", str(output))
    document = output.read_bytes()
    assert schema_errors(document) == []
    root = xml(document)
    activities = root.findall("iati-activity")
    assert len(activities) == Project.objects.count()
    regional = next(a for a in activities if a.find("other-identifier").get("ref") == "UNR/27/001")
    assert regional.findtext("iati-identifier") == "XI-IATI-UNODA-UNR-27-001"
    assert regional.find("sector").get("code") == "15240"
    assert regional.find("sector").get("vocabulary") == "1"
    assert [c.get("code") for c in regional.findall("recipient-country")] == ["BJ", "GH", "TG"]
    region = regional.find("recipient-region")
    assert (region.get("code"), region.get("vocabulary")) == ("011", "2")
    percentages = [
        Decimal(e.get("percentage")) for e in regional.xpath("recipient-country|recipient-region")
    ]
    assert sum(percentages) == 100
    assert regional.find("activity-status").get("code") == "2"
    assert regional.get("default-currency") == "EUR"
    titles = {
        n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in regional.find("title")
    }
    assert titles[None].startswith("Regional marking") and titles["fr"].startswith("Marquage")


def test_a_project_iati_cannot_describe_stops_the_export_unless_left_out(tmp_path, capsys):
    output = tmp_path / "activities.xml"
    Project.objects.all().delete()
    with pytest.raises(CommandError, match="No project to export"):
        call_command("export_iati", "--output", str(output))
    projects_with_dates()
    Project.objects.create(code="NODATE", title="A project without dates")
    with pytest.raises(CommandError, match="no IATI file was written"):
        call_command("export_iati", "--output", str(output))
    assert "NODATE: IATI needs a start date" in capsys.readouterr().err
    assert not output.exists()

    call_command("export_iati", "--output", str(output), "--leave-out-incomplete")
    assert "Left out NODATE" in capsys.readouterr().err
    assert schema_errors(output.read_bytes()) == []
    assert b"NODATE" not in output.read_bytes()


def test_export_then_import_into_a_clean_state_gives_the_same_projects(tmp_path, capsys):
    call_command("import_project_listing", str(SEED_LISTING), "--organisation", "unoda")
    projects_with_dates()
    output = tmp_path / "activities.xml"
    call_command("export_iati", "--output", str(output), "--leave-out-incomplete")
    exported = [
        a.find("other-identifier").get("ref")
        for a in xml(output.read_bytes()).iter("iati-activity")
    ]
    assert "UNR/27/001" in exported and "RAF08X01" in exported
    # The IATI Standard's rules hold, but for the listing's projects that have neither a DAC
    # sector nor a thematic area: IATI wants a sector (docs/importers.md).
    broken = [e for e in ruleset_errors(output.read_bytes()) if not e.endswith("no sector")]
    assert broken == []
    before = {code: snapshot(Project.objects.get(code=code)) for code in exported}
    Project.objects.all().delete()

    call_command("import_iati", str(output))
    assert f"{len(exported)} projects created, 0 updated" in capsys.readouterr().out
    after = {project.code: snapshot(project) for project in Project.objects.all()}
    assert after == before

    # Importing again updates the same projects, found by their iati-identifier.
    call_command("import_iati", str(output))
    assert f"0 projects created, {len(exported)} updated" in capsys.readouterr().out
    assert Project.objects.count() == len(exported)
    assert Project.objects.get(code="UNR/27/001").iati_identifier == "XI-IATI-UNODA-UNR-27-001"


GERMANY = Organisation({"en": "Germany"}, "XM-DAC-5", "10")


def donor_activity(identifier="XM-DAC-5-1-SALW-2027", countries=("NE", "ML"), **changes):
    activity = Activity(
        identifier=identifier,
        reporting_org=GERMANY,
        title={"en": "Stockpile security in the Sahel", "fr": "Sécurité des stocks au Sahel"},
        descriptions=[Description({"en": "Support to physical security of stockpiles."})],
        participating_orgs=[ParticipatingOrganisation(OrganisationRole.FUNDING, {"en": "Germany"})],
        status=ActivityStatus.IMPLEMENTATION,
        dates=[
            ActivityDate(ActivityDateType.PLANNED_START, date(2027, 1, 1)),
            ActivityDate(ActivityDateType.PLANNED_END, date(2027, 12, 31)),
        ],
        recipient_countries=[RecipientCountry(code) for code in countries],
        recipient_regions=[RecipientRegion("011")],
        sectors=[Sector("15240")],
        budgets=[
            Budget(date(2027, 1, 1), date(2027, 12, 31), Decimal(300000), "EUR", date(2027, 1, 1))
        ],
        default_currency="EUR",
    )
    for name, value in changes.items():
        setattr(activity, name, value)
    return activity


def test_activities_of_a_donor_become_draft_resources(tmp_path, capsys):
    source = tmp_path / "donor.xml"
    source.write_bytes(write_activities([donor_activity()]))
    assert schema_errors(source.read_bytes()) == []
    before = Resource.objects.count()

    call_command(
        "import_iati",
        str(source),
        "--as",
        "resources",
        "--themes",
        "stockpile-management",
        "--forms",
        "financial",
    )
    assert "1 resources created" in capsys.readouterr().out
    resource = Resource.objects.get(reference="XM-DAC-5-1-SALW-2027")
    assert resource.status == Resource.Status.DRAFT  # the secretariat completes it first
    assert resource.provider_country.code == "DE" and resource.provider is None
    assert resource.kind == Resource.Kind.FUND
    assert sorted(resource.eligible_countries.values_list("code", flat=True)) == ["ML", "NE"]
    assert list(resource.eligible_regions.values_list("code", flat=True)) == ["011"]
    assert not resource.is_global
    assert (resource.grant_cap, resource.currency) == (Decimal(300000), "EUR")
    assert resource.grant_cap_usd == to_usd(Decimal(300000), "EUR")
    assert (resource.call_opens, resource.call_closes) == (date(2027, 1, 1), date(2027, 12, 31))
    assert resource.translations == {"fr": {"title": "Sécurité des stocks au Sahel"}}
    assert list(resource.themes.values_list("code", flat=True)) == ["stockpile-management"]

    call_command("import_iati", str(source), "--as", "resources")
    assert "0 resources created, 1 updated" in capsys.readouterr().out
    assert Resource.objects.count() == before + 1


def test_a_file_with_bad_activities_imports_nothing_and_names_them(tmp_path, capsys):
    good = donor_activity("XM-DAC-5-1-GOOD")
    unknown_country = donor_activity("XM-DAC-5-1-BAD-COUNTRY", countries=("ZZ",))
    document = write_activities([good, unknown_country, donor_activity("XM-DAC-5-1-BAD-DATE")])
    # A date that is not a date (the reader reports its line).
    document = document.replace(b'iso-date="2027-12-31"', b'iso-date="31/12/2027"', 1)
    source = tmp_path / "activities.xml"
    source.write_bytes(document)
    before = (Project.objects.count(), Resource.objects.count())

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_iati", str(source))
    reported = capsys.readouterr().err
    assert "activity XM-DAC-5-1-BAD-COUNTRY, recipient-country: unknown: ZZ" in reported
    assert "XM-DAC-5-1-GOOD" in reported and "31/12/2027" in reported  # the first activity
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_iati", str(source), "--as", "resources")
    assert (Project.objects.count(), Resource.objects.count()) == before


def test_the_api_serves_the_projects_as_iati_xml(client):
    projects = projects_with_dates()
    secret = make_need(status=Need.Status.SUBMITTED, title="An unvalidated need of Kenya")
    projects.get(code="UNR/27/001").needs.add(secret)

    response = client.get("/api/v2/projects/iati/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert schema_errors(response.content) == []
    refs = {e.get("ref") for e in xml(response.content).iter("other-identifier")}
    assert refs == set(Project.objects.values_list("code", flat=True))
    assert b"unvalidated need" not in response.content

    togo = client.get("/api/v2/projects/iati/", {"country": "TG"}, HTTP_ACCEPT="application/xml")
    assert togo.status_code == 200
    assert {e.get("ref") for e in xml(togo.content).iter("other-identifier")} == {"UNR/27/001"}

    # Nothing to publish: refused, since the schema wants at least one activity in a file.
    nowhere = client.get("/api/v2/projects/iati/", {"country": "ZZ"})
    assert nowhere.status_code == 404
    assert "No project to export" in nowhere.json()["message"]
    nowhere = client.get("/api/v2/projects/iati/", {"country": "ZZ"}, HTTP_ACCEPT="application/xml")
    assert nowhere.status_code == 404
    assert "No project to export" in xml(nowhere.content).get("message")

    bad = client.get("/api/v2/projects/iati/", {"year": "soon"})
    assert bad.status_code == 400 and "year" in bad.json()["errors"]
    bad = client.get("/api/v2/projects/iati/", {"year": "soon"}, HTTP_ACCEPT="application/xml")
    assert bad.status_code == 400 and bad["Content-Type"] == "application/xml"
    assert xml(bad.content).find("error").get("field") == "year"


def test_the_schema_describes_the_iati_endpoint(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v2/projects/iati/"]["get"]
    assert "application/xml" in operation["responses"]["200"]["content"]
    assert {p["name"] for p in operation["parameters"]} >= {"country", "region", "year"}


def test_a_binary_file_is_refused_by_name(tmp_path):
    archive = tmp_path / "activities.xml"
    archive.write_bytes(b"PK\x03\x04\x14\x00" + bytes(200))
    with pytest.raises(CommandError, match="activities.xml: this is not a text file but a ZIP"):
        call_command("import_iati", str(archive))
