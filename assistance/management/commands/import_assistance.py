from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from assistance.imports.files import not_text_reason, read_sample
from assistance.imports.services.tables import KINDS, MAX_ERRORS, TableRejected, import_table
from cms.core.models import Organisation

FORMATS = ("csv", "xlsx")


class Command(BaseCommand):
    help = (
        "Import needs, resources or projects from a CSV or XLSX table (columns: "
        "docs/importers.md). Every row is checked first; a table with any bad row imports "
        f"nothing and its problems (the first {MAX_ERRORS}) are reported as "
        "'row N, column X: reason'."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            help="csv or xlsx; by default from the file's extension.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and say what would be written, without writing.",
        )
        parser.add_argument(
            "--organisation",
            help="Code of the applicant (needs), provider (resources) or implementing "
            "organisation (projects) for rows that name none.",
        )
        parser.add_argument(
            "--user", help="Username recorded as the creator and author of status changes."
        )

    def handle(self, *args, **options):
        path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        file_format = options["format"] or path.suffix.casefold().lstrip(".")
        if file_format not in FORMATS:
            raise CommandError(f"{path.name}: give a .csv or .xlsx file, or --format.")
        if file_format == "csv":
            try:
                reason = not_text_reason(read_sample(path))
            except OSError as error:
                raise CommandError(f"{path}: {error}") from None
            if reason:
                raise CommandError(f"{path.name}: {reason}; nothing was imported.")
        organisation = user = None
        if options["organisation"]:
            try:
                organisation = Organisation.objects.by_code(options["organisation"])
            except Organisation.DoesNotExist:
                raise CommandError(f"Unknown organisation {options['organisation']!r}.") from None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"Unknown user {options['user']!r}.") from None
        try:
            summary = import_table(
                options["kind"],
                path,
                file_format=file_format,
                organisation=organisation,
                user=user,
                dry_run=options["dry_run"],
                progress=self.progress,
            )
        except TableRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(f"{path.name}: {error}")
            if rejected.truncated:
                raise CommandError(
                    f"{path.name}: checking stopped at the first {len(rejected.errors)} "
                    "problems; nothing was imported."
                ) from None
            raise CommandError(
                f"{path.name}: {len(rejected.errors)} problem(s); nothing was imported."
            ) from None
        for warning in summary.warnings:
            self.stdout.write(self.style.WARNING(f"{path.name}: {warning}"))
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(summary.created)} {options['kind']} {verb} created, "
                f"{len(summary.updated)} {verb} updated."
            )
        )

    def progress(self, iterable, *, total, desc):
        # A bar only for tables big enough to wait for, and only on a terminal.
        disable = total < 200 or not self.stderr.isatty()
        return tqdm(iterable, total=total, desc=desc, unit="row", disable=disable)
