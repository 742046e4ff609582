"""Celery tasks of the assistance component: rematching, one object or everything."""

from celery import chord, group, shared_task
from django.conf import settings

from .matching import service

REBUILD_CHUNK_SIZE = 2000


# Acknowledged late (settings): a chunk whose worker dies is redelivered after the broker's
# visibility timeout, and its time limit keeps a live chunk from being redelivered while it
# still runs. Rematching is idempotent, so a chunk run twice gives the same proposals.
@shared_task(
    name="assistance.tasks.rematch_needs",
    ignore_result=False,
    time_limit=settings.CELERY_CHUNK_TIME_LIMIT,
)
def rematch_needs(need_ids):
    return service.rematch_needs(need_ids)


@shared_task(name="assistance.tasks.rebuild_finished")
def rebuild_finished(counts):
    return sum(counts)


def start_rebuild(chunk_size=REBUILD_CHUNK_SIZE, queue=None):
    """Queue the full rebuild: chunks of needs matched in parallel by the worker pool, then a
    callback that adds up how many needs were matched. Returns the chord's result."""
    from .models import Need

    options = {"queue": queue} if queue else {}
    ids = list(Need.objects.order_by("pk").values_list("pk", flat=True))
    chunks = [ids[start : start + chunk_size] for start in range(0, len(ids), chunk_size)]
    header = group(rematch_needs.s(chunk).set(**options) for chunk in chunks)
    return chord(header)(rebuild_finished.s().set(**options))


@shared_task(name="assistance.tasks.rebuild_matches")
def rebuild_matches(chunk_size=REBUILD_CHUNK_SIZE):
    """Nightly: recompute every need's proposals."""
    return start_rebuild(chunk_size).id


# Outbox handlers (topics declared in AssistanceConfig.outbox_topics).


def rematch_need_handler(payload):
    service.rematch_needs([payload["need"]])


def rematch_resource_handler(payload):
    service.rematch_needs(payload.get("needs", []))
    service.rematch_resource(payload["resource"])


@shared_task(name="assistance.tasks.send_deadline_reminders")
def send_deadline_reminders():
    from .notifications import send_deadline_reminders

    return send_deadline_reminders()


@shared_task(name="assistance.tasks.send_donor_digests")
def send_donor_digests():
    from .notifications import send_donor_digests

    return send_donor_digests()
