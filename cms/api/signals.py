"""Connect content changes to the API cache: anything published, moved or deleted drops it."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .caching import content_changed

# Models served by the API whose rows change outside page publishing.
DATA_MODELS = (
    "core.ThematicArea",
    "core.MosaicModule",
    "core.AssistanceForm",
    "core.OrganisationType",
    "core.Region",
    "core.Country",
    "core.Organisation",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


def register():
    dispatch = "poaiss-api-cache"
    page_published.connect(content_changed, dispatch_uid=f"{dispatch}-published")
    page_unpublished.connect(content_changed, dispatch_uid=f"{dispatch}-unpublished")
    post_page_move.connect(content_changed, dispatch_uid=f"{dispatch}-moved")
    published.connect(content_changed, dispatch_uid=f"{dispatch}-snippet-published")
    unpublished.connect(content_changed, dispatch_uid=f"{dispatch}-snippet-unpublished")
    post_delete.connect(page_deleted, dispatch_uid=f"{dispatch}-page-deleted")
    for label in DATA_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{dispatch}-save-{label}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"{dispatch}-delete-{label}"
        )
