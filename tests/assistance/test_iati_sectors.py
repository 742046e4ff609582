"""IATI export: each project its own DAC sector (15240 only for small arms control) and its
own reporting organisation."""

from datetime import date

import pytest
from lxml import etree

from assistance.imports.iati.schema import schema_errors
from assistance.imports.services.iati_export import (
    export_projects,
    exportable_projects,
    reporting_organisation,
)
from assistance.models import Project
from cms.core.models import Organisation, ThematicArea

pytestmark = pytest.mark.django_db


def project(code, **fields):
    return Project.objects.create(
        code=code,
        title=f"Project {code}",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        **fields,
    )


def activities_by_code(projects):
    queryset = exportable_projects(Project.objects.filter(pk__in=[p.pk for p in projects]))
    export = export_projects(queryset, reporting_org=reporting_organisation())
    assert schema_errors(export.document) == []
    root = etree.fromstring(export.document)
    return {a.find("other-identifier").get("ref"): a for a in root.findall("iati-activity")}


def test_each_project_has_its_own_sector_and_publisher():
    marking = project("SALW-1")
    marking.themes.set(ThematicArea.objects.by_codes(["marking"]))
    egov = project(
        "EGOV-1",
        dac_sector="22040",
        reporting_organisation=Organisation.objects.by_code("undp"),
        reporting_org_ref="XI-EXAMPLE-UNDP",
        reporting_org_type="40",
    )
    unknown = project("OTHER-1")
    found = activities_by_code([marking, egov, unknown])
    assert found["SALW-1"].find("sector").get("code") == "15240"
    assert found["SALW-1"].find("reporting-org").get("ref") == "XI-IATI-UNODA"
    assert found["EGOV-1"].find("sector").get("code") == "22040"
    assert found["EGOV-1"].find("reporting-org").get("ref") == "XI-EXAMPLE-UNDP"
    assert found["EGOV-1"].findtext("iati-identifier").startswith("XI-EXAMPLE-UNDP-")
    assert found["OTHER-1"].find("sector") is None  # not small arms control: no 15240


def test_bad_sector_or_half_a_publisher_is_refused_by_field(client, secretariat):
    client.force_login(secretariat)
    data = {"code": "P-9", "title": "A project", "focus_countries": ["KE"]}
    response = client.post(
        "/api/v2/projects/", {**data, "dac_sector": "99999"}, content_type="application/json"
    )
    assert response.status_code == 400 and set(response.json()["errors"]) == {"dac_sector"}
    response = client.post(
        "/api/v2/projects/",
        {**data, "reporting_organisation": "undp"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reporting_org_ref", "reporting_org_type"}
    assert not Project.objects.filter(code="P-9").exists()
