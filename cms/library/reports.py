"""Domain actions on national reports shared by the admin and the API."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.search import index

from .models import NationalReportIndexPage, NationalReportPage
from .permissions import limited_to_country


class ReportActionError(Exception):
    """An action the report's state does not allow; `message` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def reports_index_for(locale):
    return NationalReportIndexPage.objects.filter(locale=locale).order_by("path").first()


def default_title(country, cycle):
    return _("%(country)s: national report, %(cycle)s") % {"country": country.name, "cycle": cycle}


def closed_cycle_refusal(user, cycles, creating):
    """Why `user` may not file a report in one of `cycles` (a message), or None if they may.

    Reports are created for the cycle open for submissions only. National points of contact
    also edit and submit only there; the secretariat keeps editing the reports of closed
    cycles (late corrections, digitised files).
    """
    if not creating and limited_to_country(user) is None:
        return None
    for cycle in cycles:
        if cycle is not None and not cycle.is_open_for_submissions:
            return cycle.closed_message()
    return None


def submit_for_moderation(report, user):
    """Start the workflow that applies to the report on its latest revision."""
    workflow = report.get_workflow()
    if workflow is None:
        raise ReportActionError(_("No workflow applies to this report; ask the secretariat."))
    if report.workflow_in_progress:
        raise ReportActionError(_("This report is already in moderation."))
    if not report.permissions_for_user(user).can_submit_for_moderation():
        raise ReportActionError(_("This report cannot be submitted now."))
    if report.latest_revision is None:
        report.save_revision(user=user)
    return workflow.start(report, user)


def reindex_reports_of(document_id):
    """Update the search index of the reports whose files include this document."""
    reports = NationalReportPage.objects.filter(files__document_id=document_id).distinct()
    for report in reports:
        transaction.on_commit(lambda report=report: index.insert_or_update_object(report))
