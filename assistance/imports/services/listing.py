"""Turn a project listing (text from a "Projects" web page) into Project rows: all of it,
or nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..project_listing import parse_project_listing
from ..records import ImportRejected, ImportSummary, ParseProblem, Severity
from .duplicates import duplicate_warnings
from .projects import save_project, usd_per_unit


class ListingRejected(ImportRejected):
    pass


def import_listing(text, *, implementing_organisation=None):
    """Create or update one Project per record (by code). Raises ListingRejected, having
    written nothing, when any value could not be read."""
    result = parse_project_listing(
        text,
        implementing_organisation=implementing_organisation.name
        if implementing_organisation
        else "",
        exchange_rates=usd_per_unit(),
    )
    if result.errors:
        raise ListingRejected(result.errors)
    summary = ImportSummary(
        warnings=result.warnings
        + duplicate_warnings(
            result.records,
            place=lambda record: _("line %(line)s") % {"line": record.line},
            make_warning=lambda record, text: ParseProblem(
                record.line, record.code, "", text, Severity.WARNING
            ),
        )
    )
    with transaction.atomic():
        for record in result.records:
            project, created = save_project(
                record, implementing_organisation=implementing_organisation
            )
            (summary.created if created else summary.updated).append(project)
    return summary
