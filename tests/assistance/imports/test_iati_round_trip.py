"""IATI export then import gives back the same projects, field by field and in six languages;
the exported file follows the schema and the IATI Standard's rules (dates, budgets)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from lxml import etree

from assistance.imports.iati.projects import budget_periods
from assistance.imports.iati.schema import schema_errors
from assistance.imports.services.iati_export import (
    NothingToExport,
    export_projects,
    exportable_projects,
    reporting_organisation,
)
from assistance.imports.services.iati_import import import_activities
from assistance.models import Project
from cms.core.models import Country, Organisation, Region, ThematicArea

from .iati_rules import ruleset_errors

pytestmark = pytest.mark.django_db

TODAY = date.today()
LANGUAGES = ("fr", "es", "ru", "ar", "zh-hans")
# Rows the system links projects to, not data a project publishes: not exchanged.
NOT_EXCHANGED = {"id", "iati_identifier", "needs", "resources"}


def texts(project_code, language):
    return {
        "title": f"{project_code} title ({language})",
        "description": f"{project_code} description ({language})",
        "expectations": f"{project_code} expectations ({language})",
        "objective": f"{project_code} objective ({language})",
        "accomplishments": f"{project_code} accomplishments ({language})",
    }


def make_projects():
    """Projects that use every field a project has, in the ways that used to get lost."""
    described = Project.objects.create(
        code="RT/01",
        title="A description without expectations",
        description="Only a description: it must stay a description.",
        status=Project.Status.IMPLEMENTATION,
        start_date=TODAY + timedelta(days=30),  # in implementation, starting next month
        end_date=TODAY + timedelta(days=30 + 3 * 366),
        amount=Decimal("1000000.01"),
        currency="EUR",
        funding_source="European Union",
        implementing_organisation=Organisation.objects.by_code("unoda"),
        division="Regional Disarmament Branch",
        partners="ECOWAS\nSmall Arms Survey",
        comment="Phase two depends on the 2027 call.",
    )
    described.focus_countries.set(Country.objects.by_codes(["GH", "TG"]))
    described.focus_regions.set(Region.objects.by_codes(["011"]))
    described.themes.set(ThematicArea.objects.by_codes(["marking", "record-keeping"]))

    translated = Project.objects.create(
        code="RT/02",
        status=Project.Status.CLOSED,
        start_date=date(2019, 3, 1),
        end_date=date(2021, 2, 28),
        amount=Decimal("250000"),
        currency="USD",
        dac_sector="15210",
        **texts("RT/02", "en"),
        translations={language: texts("RT/02", language) for language in LANGUAGES},
    )
    translated.focus_countries.set(Country.objects.by_codes(["KE"]))

    french = Project.objects.create(
        code="RT/03",
        original_language="fr",
        title="Destruction des excédents",
        expectations="Des stocks détruits.",
        status=Project.Status.PIPELINE,
        start_date=TODAY + timedelta(days=400),
        reporting_organisation=Organisation.objects.by_code("undp"),
        reporting_org_ref="XM-DAC-41114",
        reporting_org_type="40",
        translations={"en": {"title": "Destroying surplus"}},
    )
    french.themes.set(ThematicArea.objects.by_codes(["stockpile-management"]))
    return [described, translated, french]


def snapshot(project):
    values = {}
    for field in Project._meta.get_fields():
        if field.name in NOT_EXCHANGED or field.auto_created and not field.concrete:
            continue
        if field.many_to_many:
            values[field.name] = sorted(getattr(project, field.name).values_list("code", flat=True))
        elif field.concrete:
            values[field.attname] = getattr(project, field.attname)
    return values


def export(projects=None):
    queryset = exportable_projects(projects)
    return export_projects(queryset, reporting_org=reporting_organisation())


def test_export_then_import_gives_back_every_field_in_every_language():
    projects = make_projects()
    before = {project.code: snapshot(project) for project in projects}
    assert len(before["RT/01"]) > 20  # every field, not a chosen few
    document = export(Project.objects.filter(code__startswith="RT/")).document
    Project.objects.all().delete()

    summary = import_activities(document, reporting_org=reporting_organisation())
    assert len(summary.created) == 3 and summary.warnings == []
    after = {p.code: snapshot(p) for p in Project.objects.filter(code__startswith="RT/")}
    assert after == before

    # What comes back exports as the same file.
    assert export(Project.objects.filter(code__startswith="RT/")).document == document


def test_the_export_follows_the_schema_and_the_standard_ruleset():
    make_projects()
    document = export(Project.objects.filter(code__startswith="RT/")).document
    assert schema_errors(document) == []
    assert ruleset_errors(document) == []

    root = etree.fromstring(document)
    described = root.xpath("iati-activity[other-identifier/@ref='RT/01']")[0]
    # In implementation but starting next month: a planned start, not an actual one.
    assert [d.get("type") for d in described.findall("activity-date")] == ["1", "3"]
    descriptions = described.findall("description")
    assert [(d.get("type"), d.findtext("narrative")) for d in descriptions] == [
        ("1", "Only a description: it must stay a description."),
        ("4", "Phase two depends on the 2027 call."),
    ]
    sectors = [
        (s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in described.iter("sector")
    ]
    assert sectors == [
        ("1", "15240", "100"),
        ("99", "marking", "50.00"),
        ("99", "record-keeping", "50.00"),
    ]
    budgets = described.findall("budget")
    assert len(budgets) == 4  # three years and a month
    assert sum(Decimal(b.findtext("value")) for b in budgets) == Decimal("1000000.01")

    closed = root.xpath("iati-activity[other-identifier/@ref='RT/02']")[0]
    assert [d.get("type") for d in closed.findall("activity-date")] == ["2", "4"]


def test_the_ruleset_check_finds_what_the_rules_forbid():
    make_projects()
    document = export(Project.objects.filter(code="RT/02")).document
    future = (TODAY + timedelta(days=3)).isoformat()
    broken = document.replace(
        b'type="4" iso-date="2021-02-28"', f'type="4" iso-date="{future}"'.encode()
    )
    broken = broken.replace(
        b'<period-end iso-date="2020-02-29"', b'<period-end iso-date="2020-12-31"'
    )
    errors = ruleset_errors(broken)
    assert any("actual activity-date 4 in the future" in e for e in errors)
    assert any("time_limit" in e for e in errors)


def test_budgets_are_shared_in_periods_of_at_most_a_year():
    periods = budget_periods(date(2024, 3, 1), date(2026, 6, 30), Decimal("1000"))
    assert [(start.isoformat(), end.isoformat()) for start, end, _value in periods] == [
        ("2024-03-01", "2025-02-28"),
        ("2025-03-01", "2026-02-28"),
        ("2026-03-01", "2026-06-30"),
    ]
    # 365, 365 and 122 days of 852.
    assert [value for _start, _end, value in periods] == [
        Decimal("428.40"),
        Decimal("428.40"),
        Decimal("143.20"),
    ]
    leap = budget_periods(date(2024, 2, 29), date(2025, 3, 1), Decimal("10"))
    assert [(s.isoformat(), e.isoformat()) for s, e, _v in leap] == [
        ("2024-02-29", "2025-02-27"),
        ("2025-02-28", "2025-03-01"),
    ]


def test_an_export_without_projects_is_refused_with_a_reason():
    with pytest.raises(NothingToExport) as refused:
        export(Project.objects.none())
    assert refused.value.problems == [
        "No project to export: an IATI file holds at least one activity."
    ]
