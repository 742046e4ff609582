"""IATI activities as projects or resources: all of them, or nothing.

Imports are idempotent: an activity updates the project (or resource) it was imported as
before, found by its iati-identifier, and a project of this system's own export is found
again by its code (written as the activity's other-identifier of type A1).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assistance.currency import rates
from assistance.models import Project, Resource
from assistance.models.iati_codes import DacSector, IatiOrganisationType
from cms.core.models import AssistanceForm, Country, Region, ThematicArea

from ..iati.activity import (
    SALW_CONTROL,
    SECTOR_VOCABULARY_REPORTING_ORG,
    ActivityDateType,
    ActivityScope,
    ActivityStatus,
    OrganisationRole,
)
from ..iati.projects import iati_identifier, project_from_activity
from ..iati.reader import read_activities
from ..places import PlaceError, resolve_country
from ..records import ImportSummary
from .iati_export import PROJECT_STATUSES, RECORD_TEXTS, UN_LANGUAGES, IatiRejected
from .projects import find_organisation, save_project


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
        return model.objects.by_codes(codes)
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


def _publisher(activity, reporting_org):
    """(is it this system's own export, the project's reporting-org fields).

    An activity is this system's own when its publisher is this system's, or is an
    organisation term and the iati-identifier is the one the export makes of the project's
    code (its other-identifier of type A1); a project published by another organisation
    than the system's keeps that organisation, its IATI identifier and type."""
    publisher = activity.reporting_org
    system = reporting_org is not None and publisher.ref == reporting_org.ref
    organisation = None
    if not system:
        organisation = next(filter(None, map(find_organisation, publisher.name.values())), None)
    reference = activity.internal_reference
    own = bool(reference) and (
        system
        or (
            organisation is not None
            and activity.identifier == iati_identifier(publisher.ref, reference)
        )
    )
    if organisation is None or publisher.type not in IatiOrganisationType.values:
        return own, {}
    return own, {
        "reporting_organisation": organisation,
        "reporting_org_ref": publisher.ref,
        "reporting_org_type": publisher.type,
    }


def _sectors(activity, own, problems):
    """(dac_sector, thematic areas) of an activity: 15240 with thematic areas is the sector
    a project has without one of its own, so it is read back as none."""
    record_sector = next((s.code for s in activity.sectors if s.vocabulary == "1"), "")
    codes = [s.code for s in activity.sectors if s.vocabulary == SECTOR_VOCABULARY_REPORTING_ORG]
    # Vocabulary 99 is each publisher's own: this system's thematic areas only in its files.
    themes = _known_terms(activity, problems, ThematicArea, codes, "sector") if own else []
    if record_sector == SALW_CONTROL and themes:
        return "", themes
    return (record_sector if record_sector in DacSector.values else ""), themes


def _project_plan(activity, reporting_org, problems):
    language = _language(activity)
    if language is None:
        problems.append(_problem(activity, "title", _("no title in a UN language")))
        return None
    if len(activity.identifier) > Project._meta.get_field("iati_identifier").max_length:
        problems.append(_problem(activity, "iati-identifier", _("longer than 150 characters")))
    own, publisher = _publisher(activity, reporting_org)
    code = activity.internal_reference if own else None
    record, warnings = project_from_activity(activity, language=language, code=code)
    dac_sector, themes = _sectors(activity, own, problems)
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
        "themes": themes,
        "extra": {
            **publisher,
            "dac_sector": dac_sector,
            "comment": record.comment,
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
    project, created = save_project(record, lookup=lookup, extra=plan["extra"])
    if plan["themes"]:
        project.themes.set(plan["themes"])
    return project, created


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
            provider_country = Country.objects.source().filter(code=code).first()
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
        return model.objects.by_codes(codes)
    except LookupError as missing:
        problems.append(_("unknown codes: %(codes)s") % {"codes": missing})
        return []
