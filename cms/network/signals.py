"""The public directory is served from the shared API cache: changing it drops the cache."""

from django.db.models.signals import post_delete, post_save

from cms.api.caching import content_changed


def register():
    from .models import PointOfContact

    dispatch = "poaiss-network"
    post_save.connect(content_changed, sender=PointOfContact, dispatch_uid=f"{dispatch}-save")
    post_delete.connect(content_changed, sender=PointOfContact, dispatch_uid=f"{dispatch}-delete")
