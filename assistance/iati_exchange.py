"""Projects as an IATI 2.03 activities file, and IATI activities as projects or resources.

The export is checked against the official schema before anyone gets it. Imports are all or
nothing and idempotent: an activity updates the project (or resource) it was imported as
before, found by its iati-identifier, and a project of this system's own export is found
again by its code (written as the activity's other-identifier of type A1).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.core.models import AssistanceForm, Country, Organisation, Region, ThematicArea

from .currency import rates
from .iati.activity import (
    ActivityDateType,
    ActivityScope,
    ActivityStatus,
    OrganisationRole,
)
from .iati.activity import Organisation as IatiOrganisation
from .iati.projects import activity_from_project, project_from_activity
from .iati.reader import read_activities
from .iati.schema import schema_errors
from .iati.writer import write_activities
from .importers.places import PlaceError, resolve_country
from .importers.project_listing import ProjectRecord, ProjectStatus
from .listing_import import find_organisation, save_project
from .models import Project, Resource
from .terms import source_terms, terms

# The publisher of exported files. IATI gives each publisher an organisation identifier
# (https://iatistandard.org/en/guidance/preparing-organisation/organisation-account/);
# set POAISS_IATI_REPORTING_ORG = {"organisation": "unoda", "ref": "...", "type": "40"}.
DEFAULT_REPORTING_ORG = {"organisation": "unoda", "ref": "XI-IATI-UNODA", "type": "40"}

# Project statuses are IATI's activity statuses, one for one.
ACTIVITY_STATUSES = {
    Project.Status.PIPELINE: ActivityStatus.PIPELINE,
    Project.Status.IMPLEMENTATION: ActivityStatus.IMPLEMENTATION,
    Project.Status.FINALISATION: ActivityStatus.FINALISATION,
    Project.Status.CLOSED: ActivityStatus.CLOSED,
    Project.Status.CANCELLED: ActivityStatus.CANCELLED,
    Project.Status.SUSPENDED: ActivityStatus.SUSPENDED,
}
PROJECT_STATUSES = {activity: project for project, activity in ACTIVITY_STATUSES.items()}
# The plain statuses of project records (they decide which dates are planned or actual).
RECORD_STATUSES = {
    Project.Status.PIPELINE: ProjectStatus.PLANNED,
    Project.Status.IMPLEMENTATION: ProjectStatus.ONGOING,
    Project.Status.FINALISATION: ProjectStatus.COMPLETED,
    Project.Status.CLOSED: ProjectStatus.COMPLETED,
    Project.Status.CANCELLED: ProjectStatus.CANCELLED,
    Project.Status.SUSPENDED: ProjectStatus.SUSPENDED,
}
# Project texts, by the names project records give them.
RECORD_TEXTS = {
    "title": "title",
    "description": "summary",
    "expectations": "expectations",
    "objective": "objective",
    "accomplishments": "accomplishments",
}
UN_LANGUAGES = [code for code, _name in settings.LANGUAGES]


class IatiRejected(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def reporting_organisation(code=None, ref=None, org_type=None):
    """The IATI reporting-org: an organisation term (its names in six languages) with the
    IATI identifier and organisation type of the settings, unless given."""
    configured = {**DEFAULT_REPORTING_ORG, **getattr(settings, "POAISS_IATI_REPORTING_ORG", {})}
    code = code or configured["organisation"]
    source = source_terms(Organisation).get(code=code)
    names = dict(
        Organisation.objects.filter(translation_key=source.translation_key).values_list(
            "locale__language_code", "name"
        )
    )
    return IatiOrganisation(
        name=names,
        ref=ref or configured["ref"],
        type=org_type or configured["type"],
    )


# --- Export ----------------------------------------------------------------------------------


def record_from_project(project):
    """(ProjectRecord, translations) of a project, as `activity_from_project` takes them."""
    organisation = project.implementing_organisation
    record = ProjectRecord(
        code=project.code,
        title=project.title,
        line=0,
        summary=project.description,
        expectations=project.expectations,
        objective=project.objective,
        accomplishments=project.accomplishments,
        partners=[line.strip() for line in project.partners.splitlines() if line.strip()],
        start_date=project.start_date,
        end_date=project.end_date,
        funding_source=project.funding_source,
        budget_amount=project.amount,
        budget_currency=project.currency if project.amount is not None else "",
        implementing_organisation=organisation.name if organisation else "",
        implementing_division=project.division,
        focus_countries=[country.code for country in project.focus_countries.all()],
        focus_regions=[region.code for region in project.focus_regions.all()],
        status=RECORD_STATUSES[project.status],
    )
    translations = {
        language: {RECORD_TEXTS[name]: text for name, text in texts.items() if name in RECORD_TEXTS}
        for language, texts in (project.translations or {}).items()
        if language != project.original_language
    }
    return record, translations


def project_activity(project, reporting_org):
    record, translations = record_from_project(project)
    activity = activity_from_project(
        record,
        reporting_org=reporting_org,
        language=project.original_language,
        translations=translations,
    )
    activity.status = ACTIVITY_STATUSES[project.status]
    if project.iati_identifier:
        activity.identifier = project.iati_identifier
    return activity


@dataclass
class Export:
    document: bytes
    exported: list = field(default_factory=list)
    left_out: list = field(default_factory=list)  # (project, reason)


def export_projects(projects, *, reporting_org, leave_out_incomplete=True):
    """The IATI document of `projects`, valid against the 2.03 schema.

    A project IATI cannot describe (no date, no status) is left out with the reason, or,
    unless `leave_out_incomplete`, refuses the export. Raises IatiRejected with the schema's
    messages if the document is not valid. Without any project, the document is an
    `iati-activities` element without activities (which the schema does not accept).
    """
    activities, exported, left_out = [], [], []
    for project in projects:
        try:
            activities.append(project_activity(project, reporting_org))
        except ValueError as error:
            left_out.append((project, str(error)))
        else:
            exported.append(project)
    if left_out and not leave_out_incomplete:
        raise IatiRejected([f"{project.code}: {reason}" for project, reason in left_out])
    document = write_activities(activities)
    # The schema wants at least one activity; with none, the document says there is nothing.
    errors = schema_errors(document) if activities else []
    if errors:
        raise IatiRejected(errors)
    return Export(document, exported, left_out)


def exportable_projects(queryset=None):
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.select_related("implementing_organisation").prefetch_related(
        "focus_countries", "focus_regions"
    )


# --- Import ----------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def _language(activity):
    """The activity's language if it is a UN language, else the first UN language it uses."""
    if activity.default_language in UN_LANGUAGES:
        return activity.default_language
    return next((code for code in UN_LANGUAGES if activity.title.get(code)), None)


def _problem(activity, element, reason):
    return _("activity %(identifier)s, %(element)s: %(reason)s") % {
        "identifier": activity.identifier,
        "element": element,
        "reason": reason,
    }


def _translations(activity, language, record):
    """{language: {field: text}} of the other UN languages the activity is written in."""
    found = {}
    for other in UN_LANGUAGES:
        if other == language or not activity.title.get(other):
            continue
        translated, _problems = project_from_activity(activity, language=other)
        # Fields without a text in `other` fall back to the activity's language: left out.
        found[other] = {
            name: getattr(translated, attribute)
            for name, attribute in RECORD_TEXTS.items()
            if getattr(translated, attribute)
            and (name == "title" or getattr(translated, attribute) != getattr(record, attribute))
        }
    return found


def _known_terms(activity, problems, model, codes, element):
    try:
        return terms(model, codes)
    except LookupError as missing:
        problems.append(_problem(activity, element, _("unknown: %(codes)s") % {"codes": missing}))
        return []


def _implementer(text):
    """(organisation, division, unknown text) of an implementing organisation's name."""
    organisation = find_organisation(text)
    if organisation is not None:
        return organisation, "", ""
    head, separator, tail = text.partition(" – ")
    if separator and (organisation := find_organisation(head)) is not None:
        return organisation, tail.strip(), ""
    return None, "", text


def _project_plan(activity, reporting_org, problems):
    language = _language(activity)
    if language is None:
        problems.append(_problem(activity, "title", _("no title in a UN language")))
        return None
    if len(activity.identifier) > Project._meta.get_field("iati_identifier").max_length:
        problems.append(_problem(activity, "iati-identifier", _("longer than 150 characters")))
    own = reporting_org is not None and activity.reporting_org.ref == reporting_org.ref
    code = activity.internal_reference if own and activity.internal_reference else None
    record, warnings = project_from_activity(activity, language=language, code=code)
    if not record.title:
        problems.append(_problem(activity, "title", _("no title")))
    if len(record.code) > Project._meta.get_field("code").max_length:
        record.code = activity.identifier[-60:]
    organisation, division, unknown = _implementer(record.implementing_organisation)
    record.implementing_division = division
    if unknown:
        record.partners.insert(0, unknown)
    _known_terms(activity, problems, Country, record.focus_countries, "recipient-country")
    _known_terms(activity, problems, Region, record.focus_regions, "recipient-region")
    if record.budget_amount is not None and record.budget_currency not in rates():
        problems.append(
            _problem(
                activity,
                "budget",
                _("%(currency)s has no exchange rate to US dollars")
                % {"currency": record.budget_currency},
            )
        )
    existing = Project.objects.filter(iati_identifier=activity.identifier).first()
    if existing is None:
        existing = Project.objects.filter(code=record.code).first()
        if existing and existing.iati_identifier not in (None, activity.identifier):
            problems.append(
                _problem(
                    activity,
                    "other-identifier",
                    _("project %(code)s is already the activity %(other)s")
                    % {"code": record.code, "other": existing.iati_identifier},
                )
            )
    return {
        "record": record,
        "existing": existing,
        "extra": {
            "implementing_organisation": organisation,
            "original_language": language,
            "translations": _translations(activity, language, record),
            "status": PROJECT_STATUSES[activity.status],
            "iati_identifier": activity.identifier,
        },
        "warnings": [str(warning) for warning in warnings],
    }


def _write_project(plan):
    record = plan["record"]
    lookup = {"pk": plan["existing"].pk} if plan["existing"] else {"code": record.code}
    return save_project(record, lookup=lookup, extra=plan["extra"])


def _resource_plan(activity, reporting_org, problems, options):
    language = _language(activity)
    if language is None:
        problems.append(_problem(activity, "title", _("no title in a UN language")))
        return None
    if len(activity.identifier) > Resource._meta.get_field("reference").max_length:
        problems.append(_problem(activity, "iati-identifier", _("longer than 150 characters")))
    record, warnings = project_from_activity(activity, language=language)
    funders = [o for o in activity.participating_orgs if o.role == OrganisationRole.FUNDING]
    provider_org = funders[0] if funders else activity.reporting_org
    provider_names = list(provider_org.name.values())
    provider = next(filter(None, map(find_organisation, provider_names)), None)
    provider_country = None
    if provider is None:
        for name in provider_names:
            try:
                code = resolve_country(name)
            except PlaceError:
                continue
            provider_country = source_terms(Country).filter(code=code).first()
            break
    if record.budget_amount is None:
        problems.append(_problem(activity, "budget", _("no budget in one currency")))
    elif record.budget_currency not in rates():
        problems.append(
            _problem(
                activity,
                "budget",
                _("%(currency)s has no exchange rate to US dollars")
                % {"currency": record.budget_currency},
            )
        )
    countries = _known_terms(
        activity, problems, Country, record.focus_countries, "recipient-country"
    )
    regions = _known_terms(activity, problems, Region, record.focus_regions, "recipient-region")
    closes = activity.date_of(ActivityDateType.ACTUAL_END) or activity.date_of(
        ActivityDateType.PLANNED_END
    )
    opens = activity.date_of(ActivityDateType.ACTUAL_START) or activity.date_of(
        ActivityDateType.PLANNED_START
    )
    closed = activity.status in (
        ActivityStatus.FINALISATION,
        ActivityStatus.CLOSED,
        ActivityStatus.CANCELLED,
    )
    resource = Resource.objects.filter(reference=activity.identifier).first() or Resource(
        reference=activity.identifier, created_by=options.get("user")
    )
    texts = [record.expectations, record.summary, record.objective]
    resource.kind = options.get("kind") or Resource.Kind.FUND
    resource.status = Resource.Status.CLOSED if closed else resource.status
    resource.title = record.title
    resource.description = "\n\n".join(text for text in texts if text)
    resource.original_language = language
    resource.provider = provider
    resource.provider_country = provider_country
    resource.is_global = activity.scope == ActivityScope.GLOBAL or not (countries or regions)
    resource.currency = record.budget_currency or "USD"
    resource.grant_cap = record.budget_amount if record.budget_amount is not None else Decimal(0)
    resource.call_opens = opens
    resource.call_closes = closes
    resource.rolling = closes is None
    resource.translations = {
        other: {"title": texts_["title"]}
        for other, texts_ in _translations(activity, language, record).items()
    }
    try:
        resource.full_clean(exclude=["reference"] if resource.pk else [])
    except ValidationError as error:
        problems.extend(
            _problem(activity, name, message)
            for name, messages in error.message_dict.items()
            for message in messages
        )
    return {
        "resource": resource,
        "countries": countries,
        "regions": regions,
        "themes": options.get("themes", []),
        "forms": options.get("forms", []),
        "warnings": [str(warning) for warning in warnings],
    }


def _write_resource(plan):
    resource = plan["resource"]
    created = resource.pk is None
    resource.save()
    resource.eligible_countries.set(plan["countries"])
    resource.eligible_regions.set(plan["regions"])
    if plan["themes"]:
        resource.themes.set(plan["themes"])
    if plan["forms"]:
        resource.forms.set(plan["forms"])
    return resource, created


def import_activities(
    document, *, as_resources=False, reporting_org=None, themes=(), forms=(), **options
):
    """Create or update a project (or a resource) per activity of an IATI document.

    Raises IatiRejected, having written nothing, when an activity cannot be read or does not
    fit. `reporting_org` is this system's publisher: activities it reported are matched to
    projects by their own code. Resources are imported as drafts (closed when the activity
    is), with the given `themes` and `forms` codes, for the secretariat to complete.
    """
    result = read_activities(document)
    problems = [str(problem) for problem in result.problems]
    seen = set()
    for activity in result.activities:
        if activity.identifier in seen:
            problems.append(_problem(activity, "iati-identifier", _("appears twice")))
        seen.add(activity.identifier)
    options["themes"] = _theme_terms(ThematicArea, themes, problems)
    options["forms"] = _theme_terms(AssistanceForm, forms, problems)
    plans = []
    for activity in result.activities:
        if as_resources:
            plan = _resource_plan(activity, reporting_org, problems, options)
        else:
            plan = _project_plan(activity, reporting_org, problems)
        if plan is not None:
            plans.append(plan)
    if problems:
        raise IatiRejected(problems)
    summary = ImportSummary()
    with transaction.atomic():
        for plan in plans:
            write = _write_resource if as_resources else _write_project
            item, created = write(plan)
            (summary.created if created else summary.updated).append(item)
            summary.warnings.extend(plan["warnings"])
    return summary


def _theme_terms(model, codes, problems):
    try:
        return terms(model, codes)
    except LookupError as missing:
        problems.append(_("unknown codes: %(codes)s") % {"codes": missing})
        return []
