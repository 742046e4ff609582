"""Recount a State's cycle when one of its national reports is published, unpublished or deleted."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from cms.library.models import NationalReportPage

from .facts import schedule_refresh
from .models import StateReport


def report_changed(sender, instance, **kwargs):
    pairs = {(instance.country.code, instance.cycle.code)}
    # A report moved to another State or cycle stops counting where it counted before.
    pairs |= set(
        StateReport.objects.filter(report_id=instance.pk).values_list("country_code", "cycle__code")
    )
    for country_code, cycle_code in sorted(pairs):
        schedule_refresh(country_code, cycle_code)


def register():
    dispatch = "poaiss-analysis"
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_delete, "deleted"),
    ):
        signal.connect(report_changed, sender=NationalReportPage, dispatch_uid=f"{dispatch}-{name}")
