"""The public directory is served from the shared API cache: changing it drops the cache."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save

from cms.api.caching import content_changed

from . import lockout


def register():
    from .models import PointOfContact

    dispatch = "poaiss-network"
    post_save.connect(content_changed, sender=PointOfContact, dispatch_uid=f"{dispatch}-save")
    post_delete.connect(content_changed, sender=PointOfContact, dispatch_uid=f"{dispatch}-delete")
    user_login_failed.connect(lockout.record_failure, dispatch_uid=f"{dispatch}-login-failed")
    user_logged_in.connect(lockout.clear_failures, dispatch_uid=f"{dispatch}-logged-in")
