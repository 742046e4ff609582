"""Write project records as Project rows: what the listing, table and IATI imports share.

A record names its organisation, countries and regions as text or codes; these functions
find the terms and create or update the project by its code.
"""

from django.db.models import Q

from assistance.currency import rates
from assistance.models import Project
from cms.core.models import Country, Organisation, Region

from ..records import ProjectStatus

# The listing's plain statuses, in IATI's activity statuses.
STATUSES = {
    ProjectStatus.PLANNED: Project.Status.PIPELINE,
    ProjectStatus.ONGOING: Project.Status.IMPLEMENTATION,
    ProjectStatus.COMPLETED: Project.Status.CLOSED,
    ProjectStatus.CANCELLED: Project.Status.CANCELLED,
    ProjectStatus.SUSPENDED: Project.Status.SUSPENDED,
}


def usd_per_unit():
    return {code: 1 / rate for code, rate in rates().items()}


def project_fields(record):
    fields = {
        "title": record.title,
        "description": record.summary,
        "expectations": record.expectations,
        "objective": record.objective,
        "accomplishments": record.accomplishments,
        "partners": "\n".join(record.partners) or record.partners_text,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "funding_source": record.funding_source,
        "division": record.implementing_division,
        "amount": record.budget_amount,
        "currency": record.budget_currency or "USD",
        "comment": record.comment,
        "original_language": "en",
    }
    if record.status is not None:
        fields["status"] = STATUSES[record.status]
    if record.dac_sector:
        fields["dac_sector"] = record.dac_sector
    return fields


def find_organisation(text):
    """The organisation a file names by code, acronym or name (in any UN language), or None."""
    text = " ".join(str(text or "").split())
    if not text:
        return None
    found = Organisation.objects.filter(
        Q(code__iexact=text) | Q(acronym__iexact=text) | Q(name__iexact=text)
    ).values_list("translation_key", flat=True)
    keys = set(found)
    if len(keys) != 1:
        return None
    return Organisation.objects.source().filter(translation_key=keys.pop()).first()


def save_project(record, *, implementing_organisation=None, lookup=None, extra=None):
    """Create or update the Project of a record (by code, or by `lookup`); returns
    (project, created). Raises LookupError for a country or region that is not a term."""
    fields = project_fields(record)
    fields.update(extra or {})
    if implementing_organisation is not None:
        fields["implementing_organisation"] = implementing_organisation
    countries = Country.objects.by_codes(record.focus_countries)
    regions = Region.objects.by_codes(record.focus_regions)
    project, created = Project.objects.update_or_create(
        **(lookup or {"code": record.code}), defaults={"code": record.code, **fields}
    )
    project.full_clean()
    project.focus_countries.set(countries)
    project.focus_regions.set(regions)
    return project, created
