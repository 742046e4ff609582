"""Demo set-up of the editorial workflow: the role groups' permissions on the demo trees."""

from django.db import transaction
from wagtail.models import Page

from .provisioning import provision


def recount_children():
    # Translations published on commit save the child count they were loaded with (none),
    # which would make editors' new pages in the translated trees collide on their paths.
    Page.fix_tree(fix_paths=False)


def load(stdout=None):
    workflow = provision()
    transaction.on_commit(recount_children)
    if stdout is not None:
        stdout.write(f"editorial: workflow '{workflow.name}' on every locale tree")
