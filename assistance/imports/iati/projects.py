"""Map project records to IATI activities and back (the table is in docs/importers.md)."""

import re
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from django.utils.translation import gettext as _

from ..records import (
    ParseProblem,
    ProjectRecord,
    ProjectStatus,
    Severity,
)
from .activity import (
    REGION_VOCABULARY_M49,
    SALW_CONTROL,
    SECTOR_VOCABULARY_DAC,
    SECTOR_VOCABULARY_REPORTING_ORG,
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityScope,
    ActivityStatus,
    Budget,
    BudgetType,
    Description,
    DescriptionType,
    OrganisationRole,
    OtherIdentifier,
    ParticipatingOrganisation,
    RecipientCountry,
    RecipientRegion,
    Sector,
)

ACTIVITY_STATUS = {
    ProjectStatus.PLANNED: ActivityStatus.PIPELINE,
    ProjectStatus.ONGOING: ActivityStatus.IMPLEMENTATION,
    ProjectStatus.COMPLETED: ActivityStatus.CLOSED,
    ProjectStatus.CANCELLED: ActivityStatus.CANCELLED,
    ProjectStatus.SUSPENDED: ActivityStatus.SUSPENDED,
}
PROJECT_STATUS = {
    **{activity: project for project, activity in ACTIVITY_STATUS.items()},
    ActivityStatus.FINALISATION: ProjectStatus.COMPLETED,
}

# Which of the planned or actual dates a project of each status has reached.
DATE_TYPES = {
    ProjectStatus.PLANNED: (ActivityDateType.PLANNED_START, ActivityDateType.PLANNED_END),
    ProjectStatus.ONGOING: (ActivityDateType.ACTUAL_START, ActivityDateType.PLANNED_END),
    ProjectStatus.COMPLETED: (ActivityDateType.ACTUAL_START, ActivityDateType.ACTUAL_END),
    ProjectStatus.CANCELLED: (ActivityDateType.PLANNED_START, ActivityDateType.PLANNED_END),
    ProjectStatus.SUSPENDED: (ActivityDateType.ACTUAL_START, ActivityDateType.PLANNED_END),
}

# A project's texts as IATI descriptions, each named by PoA-ISS's `field` attribute.
DESCRIPTIONS = (
    ("summary", DescriptionType.GENERAL),
    ("expectations", DescriptionType.GENERAL),
    ("objective", DescriptionType.OBJECTIVES),
    ("accomplishments", DescriptionType.OTHER),
    ("comment", DescriptionType.OTHER),
)
DESCRIPTION_FIELDS = {name for name, _type in DESCRIPTIONS}
# Descriptions of other publishers (without the attribute) by their type.
FIELDS_BY_TYPE = {
    DescriptionType.GENERAL: "summary",
    DescriptionType.OBJECTIVES: "objective",
    DescriptionType.TARGET_GROUPS: "summary",
    DescriptionType.OTHER: "accomplishments",
}
CENT = Decimal("0.01")


FORBIDDEN_IN_IDENTIFIERS = re.compile(r"[/&|?\s]+")


def iati_identifier(reporting_org_ref, code):
    """IATI identifiers are the reporter's ref and the activity's own code, without '/'."""
    return f"{reporting_org_ref}-{FORBIDDEN_IN_IDENTIFIERS.sub('-', code.strip())}"


def split_percentages(count):
    """100 split in `count` shares of two decimals that add up to exactly 100."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [share] * (count - 1) + [Decimal(100) - share * (count - 1)]


def one_year_later(day):
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def budget_periods(start, end, amount):
    """[(period start, period end, value)]: periods of at most a year (IATI's rule), from
    `start` to `end` included, sharing `amount` in proportion to their days; the shares are
    rounded to the cent and the last one takes the rest, so that they add up to `amount`."""
    periods = []
    period_start = start
    while period_start <= end:
        period_end = min(one_year_later(period_start) - timedelta(days=1), end)
        periods.append((period_start, period_end))
        period_start = period_end + timedelta(days=1)
    days = (end - start).days + 1
    shares = [
        (amount * ((period_end - period_start).days + 1) / days).quantize(CENT, ROUND_HALF_EVEN)
        for period_start, period_end in periods[:-1]
    ]
    shares.append(amount - sum(shares, Decimal(0)))
    return [(*period, share) for period, share in zip(periods, shares, strict=True)]


def _dates(record, today):
    """The activity dates of a record: actual dates only once they are past (IATI's rule: an
    actual date is never in the future), planned ones otherwise."""
    start_type, end_type = DATE_TYPES[record.status]
    if start_type == ActivityDateType.ACTUAL_START and record.start_date > today:
        start_type = ActivityDateType.PLANNED_START
    dates = [ActivityDate(start_type, record.start_date)]
    if record.end_date:
        if end_type == ActivityDateType.ACTUAL_END and (
            record.end_date > today or start_type == ActivityDateType.PLANNED_START
        ):
            end_type = ActivityDateType.PLANNED_END
        dates.append(ActivityDate(end_type, record.end_date))
    return dates


def activity_from_project(
    record: ProjectRecord,
    *,
    reporting_org,
    language="en",
    translations=None,
    sector_code=SALW_CONTROL,
    themes=(),
    last_updated=None,
    today=None,
):
    """Build the IATI activity of a project record.

    `reporting_org` is the Organisation publishing the file (its ref and type are required
    by IATI). The record's texts are in `language`; `translations` maps other languages to
    their texts by field name, e.g. {"fr": {"title": ..., "objective": ...}}. `themes` are
    (code, {language: name}) of the project's thematic areas, written as sectors of the
    reporting organisation's vocabulary (99). Raises ValueError when the record lacks what
    IATI requires: a status and a start date (planned or actual).
    """
    translations = translations or {}

    def texts(name):
        """The field's text in the record's language and every translation that has it."""
        found = {language: getattr(record, name)} if getattr(record, name) else {}
        for other, fields in translations.items():
            if other != language and fields.get(name):
                found[other] = fields[name]
        return found

    if record.status is None:
        raise ValueError(_("%(code)s: IATI needs the project's status") % {"code": record.code})
    if not record.start_date:
        raise ValueError(_("%(code)s: IATI needs a start date") % {"code": record.code})
    dates = _dates(record, today or date.today())

    descriptions = [
        Description(texts(name), description_type, name)
        for name, description_type in DESCRIPTIONS
        if texts(name)
    ] or [Description(texts("title"), field="title")]

    organisations = []
    if record.funding_source:
        organisations.append(
            ParticipatingOrganisation(OrganisationRole.FUNDING, {language: record.funding_source})
        )
    implementer = " – ".join(
        part for part in (record.implementing_organisation, record.implementing_division) if part
    )
    if implementer:
        organisations.append(
            ParticipatingOrganisation(OrganisationRole.IMPLEMENTING, {language: implementer})
        )
    organisations.extend(
        ParticipatingOrganisation(OrganisationRole.IMPLEMENTING, {language: partner})
        for partner in record.partners
    )
    if not organisations:
        organisations.append(
            ParticipatingOrganisation(
                OrganisationRole.ACCOUNTABLE, reporting_org.name, reporting_org.ref
            )
        )

    places = len(record.focus_countries) + len(record.focus_regions)
    shares = split_percentages(places) if places > 1 else [None] * places
    countries = [
        RecipientCountry(code, share)
        for code, share in zip(record.focus_countries, shares, strict=False)
    ]
    regions = [
        RecipientRegion(code, percentage=share)
        for code, share in zip(record.focus_regions, shares[len(countries) :], strict=False)
    ]

    budgets = []
    if record.budget_amount is not None and record.start_date and record.end_date:
        budgets = [
            Budget(
                period_start=period_start,
                period_end=period_end,
                value=value,
                currency=record.budget_currency,
                value_date=period_start,
            )
            for period_start, period_end, value in budget_periods(
                record.start_date, record.end_date, record.budget_amount
            )
        ]
    sectors = [Sector(sector_code, percentage=Decimal(100))] if sector_code else []
    theme_shares = split_percentages(len(themes))
    sectors.extend(
        Sector(code, SECTOR_VOCABULARY_REPORTING_ORG, share, dict(names))
        for (code, names), share in zip(themes, theme_shares, strict=True)
    )

    return Activity(
        identifier=iati_identifier(reporting_org.ref, record.code),
        reporting_org=reporting_org,
        title=texts("title"),
        descriptions=descriptions,
        participating_orgs=organisations,
        status=ACTIVITY_STATUS[record.status],
        dates=dates,
        other_identifiers=[OtherIdentifier(record.code)],
        scope=_scope(record),
        recipient_countries=countries,
        recipient_regions=regions,
        sectors=sectors,
        budgets=budgets,
        default_language=language,
        default_currency=record.budget_currency or "USD",
        last_updated=last_updated,
    )


def _scope(record):
    if record.focus_global:
        return ActivityScope.GLOBAL
    if record.focus_regions:
        return ActivityScope.REGIONAL
    if len(record.focus_countries) > 1:
        return ActivityScope.MULTI_NATIONAL
    if record.focus_countries:
        return ActivityScope.NATIONAL
    return None


def project_from_activity(activity: Activity, *, language=None, code=None):
    """Read an IATI activity as a project record (for import as a project).

    Returns (record, problems). Texts are taken in `language` (the activity's default when
    not given); `code` defaults to the IATI identifier. Organisations are matched by role:
    the first funding one is the funding source, the first implementing one the
    implementing organisation, and further implementing ones the partners. The budget is
    the sum of the revised budgets, or of the original ones when none is revised.
    """
    language = language or activity.default_language
    problems = []

    def problem(field_name, reason):
        problems.append(ParseProblem(0, activity.identifier, field_name, reason, Severity.WARNING))

    def text(texts):
        return texts.get(language) or texts.get(activity.default_language) or ""

    record = ProjectRecord(code=code or activity.identifier, title=text(activity.title), line=0)
    for description in activity.descriptions:
        if description.field == "title":
            continue  # the title standing in for a project without texts
        attribute = (
            description.field
            if description.field in DESCRIPTION_FIELDS
            else FIELDS_BY_TYPE[description.type]
        )
        current = getattr(record, attribute)
        body = text(description.text)
        setattr(record, attribute, f"{current}\n\n{body}" if current else body)

    funders = [o for o in activity.participating_orgs if o.role == OrganisationRole.FUNDING]
    implementers = [
        o for o in activity.participating_orgs if o.role == OrganisationRole.IMPLEMENTING
    ]
    if funders:
        record.funding_source = text(funders[0].name)
    if implementers:
        record.implementing_organisation = text(implementers[0].name)
        record.partners = [text(o.name) for o in implementers[1:] if text(o.name)]

    record.status = PROJECT_STATUS[activity.status]
    starts = (ActivityDateType.ACTUAL_START, ActivityDateType.PLANNED_START)
    ends = (ActivityDateType.ACTUAL_END, ActivityDateType.PLANNED_END)
    record.start_date = next(filter(None, map(activity.date_of, starts)), None)
    record.end_date = next(filter(None, map(activity.date_of, ends)), None)

    record.focus_countries = [country.code for country in activity.recipient_countries]
    for region in activity.recipient_regions:
        if region.vocabulary == REGION_VOCABULARY_M49:
            record.focus_regions.append(region.code)
        else:
            problem(
                "focus_regions",
                _("region %(code)s of vocabulary %(vocabulary)s is not a UN M49 region; left out")
                % {"code": region.code, "vocabulary": region.vocabulary},
            )
    record.focus_global = activity.scope == ActivityScope.GLOBAL
    record.dac_sector = next(
        (s.code for s in activity.sectors if s.vocabulary == SECTOR_VOCABULARY_DAC), ""
    )

    revised = [b for b in activity.budgets if b.type == BudgetType.REVISED]
    budgets = revised or activity.budgets
    currencies = {budget.currency for budget in budgets}
    if len(currencies) == 1:
        record.budget_amount = sum(budget.value for budget in budgets)
        record.budget_currency = currencies.pop()
        if record.budget_currency == "USD":
            record.budget_usd = record.budget_amount
    elif currencies:
        problem(
            "budget_amount",
            _("budgets in several currencies (%(currencies)s); no total is given")
            % {"currencies": ", ".join(sorted(currencies))},
        )
    return record, problems
