from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from cms.core.demo import ensure_demo_admin, update_catalogues
from cms.core.plugins import contributions


class Command(BaseCommand):
    help = "Load the taxonomy and the demo content in the six UN languages (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo superuser."
        )
        parser.add_argument(
            "--update-catalogues",
            action="store_true",
            help="After loading, add new English segments to data/demo/translations/*.po.",
        )

    def handle(self, *args, **options):
        call_command("load_taxonomy", stdout=self.stdout, verbosity=options["verbosity"])
        with transaction.atomic():
            # Each installed app's demo content, in INSTALLED_APPS order: the core's pages first.
            for _app_config, load in contributions("demo_loader"):
                load(stdout=self.stdout)
            # Translated parents end up with a stale child count once the imports'
            # after-commit work has run, and treebeard would give the next page added under
            # them the path of an existing one: recount last, after every app's demo pages.
            transaction.on_commit(Page.fix_tree)
        if options["update_catalogues"]:
            count = update_catalogues()
            self.stdout.write(f"translation catalogues updated with {count} segments")
        if not options["no_admin"]:
            ensure_demo_admin(self.stdout)
        # The index is built here, not left to a worker that may not be running yet.
        call_command("search_rebuild", stdout=self.stdout, verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
