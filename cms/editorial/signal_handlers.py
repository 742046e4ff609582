"""Keep permissions and the workflow in place as migrations run and locale trees appear."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Page


def provision_after_migrate(sender, **kwargs):
    # Once per migrate, after the last app with models: every permission exists by then.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .provisioning import provision

    provision()


def provision_new_home_page(sender, instance, created, raw=False, **kwargs):
    """A new locale tree (its home page at depth 2) gets its permissions and workflow."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    from .provisioning import provision

    page_id = instance.pk
    transaction.on_commit(lambda: provision(Page.objects.filter(pk=page_id)))


def register():
    post_migrate.connect(provision_after_migrate, dispatch_uid="editorial-provision-after-migrate")
    post_save.connect(provision_new_home_page, dispatch_uid="editorial-provision-new-home-page")
