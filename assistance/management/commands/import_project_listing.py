from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assistance.imports.files import not_text_reason
from assistance.imports.services.listing import ListingRejected, import_listing
from cms.core.models import Organisation


class Command(BaseCommand):
    help = (
        "Import the projects of a project listing (the text shape of a development-cooperation "
        "project page). Any value that cannot be read stops the import: nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--organisation",
            help="Code of the implementing organisation whose listing this is (e.g. undesa).",
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error}") from error
        reason = not_text_reason(data)
        if reason:
            raise CommandError(f"{path.name}: {reason}; nothing was imported.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{path.name}: not UTF-8 text (byte {error.start}); save it as UTF-8."
            ) from None
        organisation = None
        if options["organisation"]:
            try:
                organisation = Organisation.objects.by_code(options["organisation"])
            except Organisation.DoesNotExist:
                raise CommandError(f"Unknown organisation {options['organisation']!r}.") from None
        try:
            summary = import_listing(text, implementing_organisation=organisation)
        except ListingRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(
                f"{path.name}: {len(rejected.problems)} value(s) could not be read; "
                "nothing was imported."
            ) from None
        except (LookupError, ValidationError) as error:
            raise CommandError(f"{path.name}: {error}; nothing was imported.") from error
        if not summary.created and not summary.updated:
            raise CommandError(
                f"{path.name}: no project found (each starts with a line such as "
                "'INT13001: Title'); nothing was imported."
            )
        for warning in summary.warnings:
            self.stdout.write(self.style.WARNING(f"{path.name}: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(summary.created)} projects created, {len(summary.updated)} updated, "
                f"{len(summary.warnings)} warning(s)."
            )
        )
