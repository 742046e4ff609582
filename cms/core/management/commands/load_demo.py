from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.core.demo import build_demo_pages, ensure_demo_admin, update_catalogues


class Command(BaseCommand):
    help = "Load the taxonomy and the demo pages in the six UN languages (idempotent)."

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
        pages = build_demo_pages()
        self.stdout.write(f"pages: {pages.pages_created} created")
        for language, (translated, total) in pages.segments.items():
            created = pages.translations_created.get(language, 0)
            self.stdout.write(
                f"{language}: {created} pages translated, "
                f"{translated}/{total} segments from the catalogue"
            )
        if options["update_catalogues"]:
            count = update_catalogues()
            self.stdout.write(f"translation catalogues updated with {count} segments")
        if not options["no_admin"]:
            ensure_demo_admin(self.stdout)
        # The index is built here, not left to a worker that may not be running yet.
        call_command("search_rebuild", stdout=self.stdout, verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
