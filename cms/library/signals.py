"""Keep permissions, extracted text and country profiles in step with the reports."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from wagtail.models import GroupPagePermission, Page
from wagtail.signals import page_published, page_unpublished, workflow_rejected, workflow_submitted

from cms.accounts.roles import NATIONAL_POINTS_OF_CONTACT, SECRETARIAT
from cms.api.caching import content_changed

from .models import NationalReportIndexPage, NationalReportPage, ReportingCycle

# National points of contact add and edit reports (their own country's, see permissions.py);
# the secretariat also publishes them.
INDEX_PERMISSIONS = {
    NATIONAL_POINTS_OF_CONTACT: ["add_page", "change_page"],
    SECRETARIAT: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def grant_report_permissions(index_page):
    for group_name, codenames in INDEX_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )


def index_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_report_permissions(instance)


def report_changed(sender, instance, **kwargs):
    """Refresh the country's profile (through the outbox, once the change is committed)."""
    from .tasks import schedule_profile_refresh

    schedule_profile_refresh(instance.country.code, instance.locale.language_code)


def report_rejected(sender, instance, user=None, **kwargs):
    """A reviewer asked for changes: reopen the submitted report so the State can make them."""
    report = instance.content_object
    if isinstance(report, Page):
        report = report.specific
    if isinstance(report, NationalReportPage):
        from .questionnaire.filing import reopen_for_changes

        reopen_for_changes(report, user)


def report_submitted(sender, instance, user=None, **kwargs):
    """Submitted into review, through the API, the questionnaire or the page editor: lock it."""
    report = instance.content_object
    if isinstance(report, Page):
        report = report.specific
    if isinstance(report, NationalReportPage):
        from .questionnaire.filing import record_submission

        record_submission(report, user)


def register():
    dispatch = "poaiss-library"
    post_save.connect(
        index_page_saved, sender=NationalReportIndexPage, dispatch_uid=f"{dispatch}-index"
    )
    page_published.connect(
        report_changed, sender=NationalReportPage, dispatch_uid=f"{dispatch}-published"
    )
    page_unpublished.connect(
        report_changed, sender=NationalReportPage, dispatch_uid=f"{dispatch}-unpublished"
    )
    workflow_rejected.connect(report_rejected, dispatch_uid=f"{dispatch}-rejected")
    workflow_submitted.connect(report_submitted, dispatch_uid=f"{dispatch}-submitted")
    # The cycles and the reporting status (by default the open cycle's) are served cached.
    post_save.connect(content_changed, sender=ReportingCycle, dispatch_uid=f"{dispatch}-cycle")
    post_delete.connect(
        content_changed, sender=ReportingCycle, dispatch_uid=f"{dispatch}-cycle-deleted"
    )
