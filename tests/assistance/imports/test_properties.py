"""Properties that hold for any input, checked on generated data."""

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistance.imports.iati.activity import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityStatus,
    Budget,
    Description,
    DescriptionType,
    Organisation,
    OrganisationRole,
    ParticipatingOrganisation,
    RecipientCountry,
    Sector,
)
from assistance.imports.iati.reader import read_activities
from assistance.imports.iati.schema import schema_errors
from assistance.imports.iati.writer import write_activities, xml_text
from assistance.imports.project_listing import parse_project_listing

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Any text, including control characters pasted from word processors; not lone surrogates,
# which no UTF-8 file can hold.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
texts = st.dictionaries(st.sampled_from(LANGUAGES), any_text, min_size=1).filter(
    lambda value: any(xml_text(text) for text in value.values())
)
amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


def cleaned(value):
    return {language: xml_text(text) for language, text in value.items() if xml_text(text)}


@st.composite
def activities(draw):
    start, end = sorted((draw(days), draw(days)))
    return Activity(
        identifier="XM-DAC-41301-" + draw(st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True)),
        reporting_org=Organisation(draw(texts), ref="XM-DAC-41301", type="40"),
        title=draw(texts),
        descriptions=[
            Description(draw(texts), draw(st.sampled_from(DescriptionType)))
            for _ in range(draw(st.integers(1, 3)))
        ],
        participating_orgs=[
            ParticipatingOrganisation(draw(st.sampled_from(OrganisationRole)), draw(texts))
        ],
        status=draw(st.sampled_from(ActivityStatus)),
        dates=[
            ActivityDate(ActivityDateType.PLANNED_START, start),
            ActivityDate(ActivityDateType.PLANNED_END, end),
        ],
        recipient_countries=[RecipientCountry(draw(st.sampled_from(["ML", "NE", "TG"])))],
        sectors=[Sector("15240")],
        budgets=[Budget(start, end, draw(amounts), "USD", start)],
        default_language=draw(st.sampled_from(LANGUAGES)),
    )


@PROPERTY_SETTINGS
@given(activities())
def test_any_activity_is_written_valid_and_read_back(activity):
    document = write_activities([activity])
    assert schema_errors(document) == []
    [read] = read_activities(document).activities
    assert read.title == cleaned(activity.title)
    assert read.reporting_org.name == cleaned(activity.reporting_org.name)
    assert [d.text for d in read.descriptions] == [cleaned(d.text) for d in activity.descriptions]
    assert [d.type for d in read.descriptions] == [d.type for d in activity.descriptions]
    assert read.participating_orgs[0].name == cleaned(activity.participating_orgs[0].name)
    assert (read.status, read.dates, read.budgets) == (
        activity.status,
        activity.dates,
        activity.budgets,
    )
    assert read.default_language == activity.default_language


listing_lines = st.one_of(
    any_text,
    st.sampled_from(
        [
            "Past Projects",
            "ABC12X01: A project",
            "INT/13/001: Another",
            "Time Frame: May 2005 - June 2013",
            "Time Frame: 2015",
            "Proposed Budget: US$ 1.2 million",
            "Proposed Budget: $ 12",
            "Focus Countries: Micronesia, Chad and",
            "Focus Countries:",
            "Cooperation Partners: A / B; C",
            "Status: paused",
            "Main Expectations:",
            "",
        ]
    ),
)


@PROPERTY_SETTINGS
@given(st.lists(listing_lines, max_size=30))
def test_any_text_parses_without_failing_and_problems_point_into_it(lines):
    text = "\n".join(lines)
    result = parse_project_listing(text)
    line_count = len(re.split(r"\r\n|\r|\n", text))
    headings = {record.line for record in result.records}
    assert all(1 <= problem.line <= line_count for problem in result.problems)
    assert all(problem.code for problem in result.problems)
    assert all(1 <= line <= line_count for line in headings)
    for record in result.records:
        if record.start_date and record.end_date:
            assert record.start_date <= record.end_date
