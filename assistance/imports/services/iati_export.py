"""Projects as an IATI 2.03 activities file, checked against the official schema before
anyone gets it; the mapping of statuses and texts that the IATI import reads back.

A project's code is written as the activity's other-identifier of type A1, so that
`iati_import` finds the project again when this system's own export comes back.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from assistance.models import Project
from cms.core.models import Organisation, ThematicArea

from ..iati.activity import ActivityStatus
from ..iati.activity import Organisation as IatiOrganisation
from ..iati.projects import activity_from_project
from ..iati.schema import schema_errors
from ..iati.writer import write_activities
from ..records import ImportRejected, ProjectRecord, ProjectStatus

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


class IatiRejected(ImportRejected):
    pass


def reporting_organisation(code=None, ref=None, org_type=None):
    """The IATI reporting-org: an organisation term (its names in six languages) with the
    IATI identifier and organisation type of the settings, unless given."""
    configured = {**DEFAULT_REPORTING_ORG, **getattr(settings, "POAISS_IATI_REPORTING_ORG", {})}
    code = code or configured["organisation"]
    source = Organisation.objects.source().get(code=code)
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
        comment=project.comment,
    )
    translations = {
        language: {RECORD_TEXTS[name]: text for name, text in texts.items() if name in RECORD_TEXTS}
        for language, texts in (project.translations or {}).items()
        if language != project.original_language
    }
    return record, translations


def project_reporting_org(project, default):
    """The project's own reporting organisation, else the file's publisher."""
    if project.reporting_organisation_id and project.reporting_org_ref:
        return reporting_organisation(
            project.reporting_organisation.code,
            ref=project.reporting_org_ref,
            org_type=project.reporting_org_type,
        )
    return default


def theme_names(project):
    """[(code, {language: name})] of the project's thematic areas, in code order."""
    codes = sorted(theme.code for theme in project.themes.all())
    names = {code: {} for code in codes}
    rows = ThematicArea.objects.filter(code__in=codes).values_list(
        "code", "locale__language_code", "name"
    )
    for code, language, name in rows:
        names[code][language] = name
    return list(names.items())


def project_activity(project, reporting_org, today=None):
    """The project's IATI activity: its own DAC sector (15240 only for SALW control), its
    thematic areas (sectors of vocabulary 99) and its own reporting organisation, else
    `reporting_org`."""
    record, translations = record_from_project(project)
    activity = activity_from_project(
        record,
        reporting_org=project_reporting_org(project, reporting_org),
        language=project.original_language,
        translations=translations,
        sector_code=project.iati_sector(),
        themes=theme_names(project),
        today=today,
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


class NothingToExport(IatiRejected):
    """No project to export: the IATI schema wants at least one activity in a file."""


def export_projects(
    projects, *, reporting_org, leave_out_incomplete=True, generated=None, today=None
):
    """The IATI document of `projects`, valid against the 2.03 schema; `generated` is its
    generated-datetime (default: now), `today` the day that decides which dates are past.

    A project IATI cannot describe (no start date, no status) is left out with the reason,
    or, unless `leave_out_incomplete`, refuses the export. Raises IatiRejected with the
    schema's messages if the document is not valid, and NothingToExport when no project is
    left: the schema does not accept an `iati-activities` element without activities.
    """
    activities, exported, left_out = [], [], []
    for project in projects:
        try:
            activities.append(project_activity(project, reporting_org, today))
        except ValueError as error:
            left_out.append((project, str(error)))
        else:
            exported.append(project)
    if left_out and not leave_out_incomplete:
        raise IatiRejected([f"{project.code}: {reason}" for project, reason in left_out])
    if not activities:
        nothing = NothingToExport(
            [_("No project to export: an IATI file holds at least one activity.")]
        )
        nothing.left_out = left_out
        raise nothing
    document = write_activities(activities, generated=generated)
    errors = schema_errors(document)
    if errors:
        raise IatiRejected(errors)
    return Export(document, exported, left_out)


def exportable_projects(queryset=None):
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.select_related(
        "implementing_organisation", "reporting_organisation"
    ).prefetch_related("focus_countries", "focus_regions", "themes")
