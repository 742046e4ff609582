"""After a need or a resource changes, rematch only it - through the outbox, after commit.
A published national report proposes the needs it states (see `stated_needs`)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published

from cms.api.caching import content_changed
from cms.library.models import NationalReportPage
from cms.outbox.service import enqueue

from .models import Match, MatchResource, Need, Project, Resource, StatedNeed
from .stated_needs import report_published

REMATCH_NEED = "assistance.rematch-need"
REMATCH_RESOURCE = "assistance.rematch-resource"


def need_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(REMATCH_NEED, f"need:{instance.pk}", {"need": instance.pk})


def resource_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(REMATCH_RESOURCE, f"resource:{instance.pk}", {"resource": instance.pk})


def resource_deleting(sender, instance, **kwargs):
    """The matches the resource is part of go with it; their needs get rematched."""
    matches = Match.objects.filter(
        pk__in=MatchResource.objects.filter(resource=instance).values("match_id")
    )
    needs = sorted(set(matches.values_list("need_id", flat=True)))
    matches.delete()
    enqueue(REMATCH_RESOURCE, f"resource:{instance.pk}", {"resource": instance.pk, "needs": needs})


def register_signals():
    uid = "poaiss-assistance"
    post_save.connect(need_saved, sender=Need, dispatch_uid=f"{uid}-need-saved")
    post_save.connect(resource_saved, sender=Resource, dispatch_uid=f"{uid}-resource-saved")
    pre_delete.connect(resource_deleting, sender=Resource, dispatch_uid=f"{uid}-resource-del")
    page_published.connect(
        report_published, sender=NationalReportPage, dispatch_uid=f"{uid}-report-published"
    )
    for model in (Need, Resource, Match, Project, StatedNeed):
        name = model._meta.model_name
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-{name}-cache")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-{name}-cache-del")
