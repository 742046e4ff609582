"""Keep the index in step with the content.

Every change is written to the durable outbox in the changing transaction, one message per
document key, and applied by a Celery task after commit. If the search backend cannot be
reached the message stays pending and the outbox's periodic replay applies it later, so an
Elasticsearch outage delays updates but loses none.
"""

from wagtail.models import Page

from cms.outbox.models import OutboxMessage
from cms.outbox.service import enqueue

TOPIC = "search.update"


def schedule(keys):
    for key in sorted(set(keys)):
        enqueue(TOPIC, key=key, payload={"key": key})


def pending_updates():
    return OutboxMessage.objects.pending().filter(topic=TOPIC)


def page_keys(page, with_descendants=False):
    if not with_descendants:
        return [f"page:{page.pk}"]
    pages = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    return [f"page:{pk}" for pk in pages]


def on_page_changed(sender, instance, **kwargs):
    schedule(page_keys(instance))


def on_page_moved(sender, instance, **kwargs):
    # URLs of the whole subtree change with it.
    schedule(page_keys(instance, with_descendants=True))


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule(page_keys(page, with_descendants=True))


def on_page_deleted(sender, instance, **kwargs):
    schedule([f"page:{instance.pk}"])


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-page-moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
