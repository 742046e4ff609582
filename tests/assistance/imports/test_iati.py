"""IATI 2.03 activity files: written valid against the official schema, and read back."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from assistance.imports.iati.activity import (
    LANDMINES_AND_ERW,
    SALW_CONTROL,
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityScope,
    ActivityStatus,
    Budget,
    BudgetStatus,
    BudgetType,
    Description,
    DescriptionType,
    Organisation,
    OrganisationRole,
    ParticipatingOrganisation,
    RecipientCountry,
    RecipientRegion,
    Sector,
    Transaction,
    TransactionType,
)
from assistance.imports.iati.projects import activity_from_project, project_from_activity
from assistance.imports.iati.reader import read_activities
from assistance.imports.iati.schema import schema_errors
from assistance.imports.iati.writer import write_activities
from assistance.imports.project_listing import parse_project_listing
from assistance.imports.records import ProjectStatus

LISTING = Path(__file__).parent / "data" / "desa_project_listing.txt"
GENERATED = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

UNODA = Organisation(
    name={
        "en": "United Nations Office for Disarmament Affairs",
        "fr": "Bureau des affaires de désarmement de l'Organisation des Nations Unies",
        "es": "Oficina de Asuntos de Desarme de las Naciones Unidas",
        "ru": "Управление Организации Объединенных Наций по вопросам разоружения",
        "ar": "مكتب الأمم المتحدة لشؤون نزع السلاح",
        "zh-hans": "联合国裁军事务厅",
    },
    ref="XM-DAC-41301",
    type="40",
)


def marking_activity():
    return Activity(
        identifier="XM-DAC-41301-UNSCAR-2026-07",
        reporting_org=UNODA,
        title={
            "en": "Weapons marking and record-keeping in the Sahel",
            "fr": "Marquage des armes et tenue de registres au Sahel",
            "ar": "وسم الأسلحة وحفظ السجلات في منطقة الساحل",
            "zh-hans": "萨赫勒地区武器标识和记录保存",
        },
        descriptions=[
            Description(
                {
                    "en": "Marking machines, training and a national record-keeping system.",
                    "fr": "Machines de marquage, formation et système national de registres.",
                    "ru": "Маркировочные машины, обучение и национальная система учета.",
                }
            ),
            Description(
                {"en": "Every State-held small arm marked and recorded."},
                DescriptionType.OBJECTIVES,
            ),
        ],
        participating_orgs=[
            ParticipatingOrganisation(
                OrganisationRole.FUNDING, {"en": "Germany", "fr": "Allemagne"}, "XM-DAC-5", "10"
            ),
            ParticipatingOrganisation(OrganisationRole.ACCOUNTABLE, UNODA.name, UNODA.ref, "40"),
            ParticipatingOrganisation(
                OrganisationRole.IMPLEMENTING,
                {"en": "UNREC", "fr": "UNREC"},
                activity_id="UNREC-2026-3",
            ),
        ],
        status=ActivityStatus.IMPLEMENTATION,
        dates=[
            ActivityDate(ActivityDateType.PLANNED_START, date(2026, 1, 1)),
            ActivityDate(ActivityDateType.ACTUAL_START, date(2026, 2, 15)),
            ActivityDate(ActivityDateType.PLANNED_END, date(2027, 12, 31)),
        ],
        scope=ActivityScope.REGIONAL,
        recipient_countries=[
            RecipientCountry("ML", Decimal("30")),
            RecipientCountry("NE", Decimal("30")),
        ],
        recipient_regions=[RecipientRegion("011", percentage=Decimal("40"))],
        sectors=[
            Sector(SALW_CONTROL, percentage=Decimal("80")),
            Sector(LANDMINES_AND_ERW, percentage=Decimal("20")),
        ],
        budgets=[
            Budget(
                date(2026, 1, 1),
                date(2026, 12, 31),
                Decimal("250000.00"),
                "USD",
                date(2026, 1, 1),
            ),
            Budget(
                date(2027, 1, 1),
                date(2027, 12, 31),
                Decimal("180000"),
                "EUR",
                date(2027, 1, 1),
                BudgetType.REVISED,
                BudgetStatus.COMMITTED,
            ),
        ],
        transactions=[
            Transaction(
                TransactionType.INCOMING_FUNDS,
                date(2026, 2, 1),
                Decimal("125000"),
                "USD",
                date(2026, 2, 1),
                ref="T-1",
                description={"en": "First tranche", "es": "Primer tramo"},
                provider=Organisation({"en": "Germany"}, "XM-DAC-5", "10"),
                receiver=UNODA,
            ),
            Transaction(
                TransactionType.DISBURSEMENT,
                date(2026, 3, 10),
                Decimal("40000.50"),
                "EUR",
                date(2026, 3, 10),
            ),
        ],
        default_language="en",
        default_currency="USD",
        last_updated=datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
    )


@pytest.fixture(scope="module")
def listing():
    return parse_project_listing(
        LISTING.read_text(encoding="utf-8"), implementing_organisation="UN DESA"
    )


@pytest.fixture(scope="module")
def desa():
    return Organisation(
        {"en": "United Nations Department of Economic and Social Affairs"},
        ref="XM-DAC-41127",
        type="40",
    )


def test_an_activity_in_six_languages_is_valid_and_reads_back_unchanged():
    activity = marking_activity()
    document = write_activities([activity], generated=GENERATED)
    assert schema_errors(document) == []
    result = read_activities(document)
    assert result.problems == []
    assert result.activities == [activity]


def test_the_written_elements_follow_the_standard():
    tree = etree.fromstring(write_activities([marking_activity()], generated=GENERATED))
    assert tree.get("version") == "2.03"
    assert tree.get("generated-datetime") == "2026-11-24T08:00:00+00:00"
    activity = tree.find("iati-activity")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    titles = activity.findall("title/narrative")
    # The default language is implied; the others carry ISO 639-1 codes.
    assert [(t.get(lang), t.text) for t in titles][:2] == [
        (None, "Weapons marking and record-keeping in the Sahel"),
        ("fr", "Marquage des armes et tenue de registres au Sahel"),
    ]
    assert titles[3].get(lang) == "zh"
    assert [(o.get("role"), o.get("ref")) for o in activity.findall("participating-org")] == [
        ("1", "XM-DAC-5"),
        ("2", "XM-DAC-41301"),
        ("4", None),
    ]
    assert activity.find("activity-status").get("code") == "2"
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("1", "2026-01-01"),
        ("2", "2026-02-15"),
        ("3", "2027-12-31"),
    ]
    region = activity.find("recipient-region")
    assert (region.get("code"), region.get("vocabulary")) == ("011", "2")
    sector = activity.find("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("1", "15240")
    budget_values = activity.findall("budget/value")
    assert budget_values[0].get("currency") is None  # the activity's default currency
    assert (budget_values[1].get("currency"), budget_values[1].text) == ("EUR", "180000")
    assert activity.find("transaction/transaction-type").get("code") == "1"


def test_every_dated_project_of_the_listing_exports_as_a_valid_activity(listing, desa):
    activities, refused = [], []
    for record in listing.records:
        try:
            activities.append(activity_from_project(record, reporting_org=desa))
        except ValueError as error:
            refused.append(str(error))
    assert refused == ["PAN15X01: IATI needs a start date"]
    document = write_activities(activities, generated=GENERATED)
    assert schema_errors(document) == []
    tree = etree.fromstring(document)
    assert len(tree.findall("iati-activity")) == 11
    # IATI identifiers may not contain "/".
    assert tree.xpath("iati-activity[iati-identifier='XM-DAC-41127-INT-13-001']")

    africa = tree.xpath("iati-activity[iati-identifier='XM-DAC-41127-RAF08X01']")[0]
    assert africa.find("activity-status").get("code") == "4"
    assert [(d.get("type"), d.get("iso-date")) for d in africa.findall("activity-date")] == [
        ("2", "2005-05-01"),
        ("4", "2013-06-30"),
    ]
    assert africa.find("activity-scope").get("code") == "2"
    assert [(r.get("code"), r.get("vocabulary")) for r in africa.findall("recipient-region")] == [
        ("002", "2")
    ]
    # 2005-05-01 to 2013-06-30: nine budgets of at most a year, in proportion to their days.
    budgets = africa.findall("budget")
    assert len(budgets) == 9
    assert [b.find("period-start").get("iso-date") for b in budgets[:2]] == [
        "2005-05-01",
        "2006-05-01",
    ]
    assert budgets[0].find("period-end").get("iso-date") == "2006-04-30"
    assert budgets[-1].find("period-end").get("iso-date") == "2013-06-30"
    assert sum(Decimal(b.findtext("value")) for b in budgets) == Decimal("6144831")
    assert [
        (o.get("role"), o.findtext("narrative")) for o in africa.findall("participating-org")
    ] == [("1", "XBTC"), ("4", "UN DESA – DPIDG")]

    emirates = tree.xpath("iati-activity[iati-identifier='XM-DAC-41127-UAE13X01']")[0]
    assert emirates.find("recipient-country").get("code") == "AE"
    assert emirates.find("recipient-country").get("percentage") is None
    assert emirates.find("activity-scope").get("code") == "4"


def test_a_project_survives_the_trip_through_iati(listing, desa):
    original = next(record for record in listing.records if record.code == "INT/13/001")
    document = write_activities([activity_from_project(original, reporting_org=desa)])
    [activity] = read_activities(document).activities
    record, problems = project_from_activity(activity, code=original.code)
    assert problems == []
    for name in (
        "code",
        "title",
        "expectations",
        "objective",
        "accomplishments",
        "funding_source",
        "partners",
        "start_date",
        "end_date",
        "budget_amount",
        "budget_currency",
        "budget_usd",
        "status",
    ):
        assert getattr(record, name) == getattr(original, name), name
    assert record.implementing_organisation == "UN DESA – EGB"


def test_several_recipients_share_one_hundred_percent(desa):
    text = (
        "RAF26X01: Border controls\nTime Frame: January 2026 - December 2027\n"
        "Focus Countries: Mali, Niger, Burkina Faso; Western Africa\nStatus: ongoing\n"
    )
    [record] = parse_project_listing(text).records
    activity = activity_from_project(record, reporting_org=desa)
    shares = [c.percentage for c in activity.recipient_countries] + [
        r.percentage for r in activity.recipient_regions
    ]
    assert shares == [Decimal("25.00")] * 4
    assert activity.scope == ActivityScope.REGIONAL
    assert [d.type for d in activity.dates] == [
        ActivityDateType.ACTUAL_START,
        ActivityDateType.PLANNED_END,
    ]
    assert schema_errors(write_activities([activity])) == []


def test_the_schema_rejects_an_activity_without_status():
    document = write_activities([marking_activity()], generated=GENERATED)
    tree = etree.fromstring(document)
    status = tree.find("iati-activity/activity-status")
    status.getparent().remove(status)
    errors = schema_errors(etree.tostring(tree))
    assert len(errors) == 1
    assert "activity-date" in errors[0] and "activity-status" in errors[0]


def test_an_activity_without_a_reporting_org_ref_is_refused():
    activity = marking_activity()
    activity.reporting_org = Organisation({"en": "UNODA"})
    with pytest.raises(ValueError, match="reporting organisation needs a ref and a type"):
        write_activities([activity])


PUBLISHED = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2025-05-01T00:00:00Z">
  <iati-activity xml:lang="fr" default-currency="EUR">
    <iati-identifier>FR-3-AFD-CZZ1234</iati-identifier>
    <reporting-org ref="FR-3" type="10"><narrative>AFD</narrative></reporting-org>
    <title>
      <narrative>Gestion des stocks d'armes</narrative>
      <narrative xml:lang="en">Weapons stockpile management</narrative>
    </title>
    <description><narrative>Formation et infrastructures.</narrative></description>
    <participating-org role="1" ref="FR-3" type="10"><narrative>AFD</narrative></participating-org>
    <participating-org role="4"><narrative>Commission nationale</narrative></participating-org>
    <participating-org role="4"><narrative>Small Arms Survey</narrative></participating-org>
    <activity-status code="3"/>
    <activity-date type="2" iso-date="2022-01-01"/>
    <activity-date type="3" iso-date="2024-06-30"/>
    <recipient-country code="CI" percentage="70"/>
    <recipient-region code="289" vocabulary="1" percentage="30"/>
    <sector code="15240"/>
    <budget><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>
      <value value-date="2022-01-01">400000</value></budget>
    <budget><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/>
      <value value-date="2023-01-01">350000</value></budget>
  </iati-activity>
  <iati-activity default-currency="USD">
    <iati-identifier>XM-DAC-41301-BAD</iati-identifier>
    <reporting-org ref="XM-DAC-41301" type="40"><narrative>UNODA</narrative></reporting-org>
    <title><narrative>Broken</narrative></title>
    <description><narrative>x</narrative></description>
    <participating-org role="9"><narrative>Someone</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2024-02-30"/>
  </iati-activity>
</iati-activities>
"""


def test_reading_a_published_file_reports_what_it_cannot_read():
    result = read_activities(PUBLISHED)
    assert [str(problem) for problem in result.problems] == [
        "line 30, activity XM-DAC-41301-BAD, participating-org: unknown @role code '9'",
        "line 32, activity XM-DAC-41301-BAD, activity-date: @iso-date '2024-02-30' is not a date",
    ]
    [activity] = result.activities
    assert activity.title == {
        "fr": "Gestion des stocks d'armes",
        "en": "Weapons stockpile management",
    }
    assert activity.descriptions == [Description({"fr": "Formation et infrastructures."})]
    assert activity.budgets[0].currency == "EUR"

    record, problems = project_from_activity(activity)
    assert record.title == "Gestion des stocks d'armes"
    assert project_from_activity(activity, language="en")[0].title == (
        "Weapons stockpile management"
    )
    assert record.status == ProjectStatus.COMPLETED
    assert (record.start_date, record.end_date) == (date(2022, 1, 1), date(2024, 6, 30))
    assert record.funding_source == "AFD"
    assert record.implementing_organisation == "Commission nationale"
    assert record.partners == ["Small Arms Survey"]
    assert record.focus_countries == ["CI"]
    assert record.focus_regions == []
    assert (record.budget_amount, record.budget_currency) == (Decimal("750000"), "EUR")
    assert record.budget_usd is None
    assert [(p.field, p.reason) for p in problems] == [
        ("focus_regions", "region 289 of vocabulary 1 is not a UN M49 region; left out")
    ]


def test_a_file_that_is_not_iati():
    assert read_activities(b"<projects/>").problems[0].reason == "not an iati-activities document"
    assert read_activities(b"<iati-activities>").problems[0].element == "document"


def test_an_activity_whose_reporting_org_has_no_name_is_refused():
    activity = marking_activity()
    activity.reporting_org = Organisation({"en": " "}, ref="XM-DAC-41301", type="40")
    with pytest.raises(ValueError, match="reporting organisation needs a name"):
        write_activities([activity])


def test_a_project_exports_with_its_translations(listing, desa):
    record = next(record for record in listing.records if record.code == "RAF08X01")
    translations = {
        "fr": {
            "title": "Plan d'action i-Parlements pour l'Afrique",
            "objective": "Favoriser la transparence des documents parlementaires.",
        },
        "ar": {"title": "خطة عمل البرلمانات الإلكترونية في أفريقيا"},
        "zh-hans": {"title": "非洲电子议会行动计划"},
    }
    activity = activity_from_project(record, reporting_org=desa, translations=translations)
    document = write_activities([activity])
    assert schema_errors(document) == []
    [read] = read_activities(document).activities
    assert read.title == {
        "en": "Africa i-Parliaments Action Plan",
        "fr": "Plan d'action i-Parlements pour l'Afrique",
        "ar": "خطة عمل البرلمانات الإلكترونية في أفريقيا",
        "zh-hans": "非洲电子议会行动计划",
    }
    objectives = [d.text for d in read.descriptions if d.type == DescriptionType.OBJECTIVES]
    assert set(objectives[0]) == {"en", "fr"}
    french, _problems = project_from_activity(read, language="fr")
    assert french.title == "Plan d'action i-Parlements pour l'Afrique"
    # A field without a French text falls back to the activity's language.
    assert french.expectations == record.expectations
