from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from assistance.imports.files import not_text_reason
from assistance.imports.services.iati_export import IatiRejected, reporting_organisation
from assistance.imports.services.iati_import import import_activities
from assistance.models import Resource
from cms.core.models import Organisation


def codes(text):
    return [code.strip() for code in (text or "").split(",") if code.strip()]


class Command(BaseCommand):
    help = (
        "Import the activities of an IATI 2.0x file as projects (by default) or as resources. "
        "Any activity that cannot be read or does not fit stops the import: nothing is written. "
        "Importing a file again updates what it imported, by iati-identifier."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--as", dest="kind", choices=["projects", "resources"], default="projects"
        )
        parser.add_argument(
            "--reporting-org",
            help="Code of this system's publishing organisation: the activities it reported "
            "update the projects of the same code (default: POAISS_IATI_REPORTING_ORG).",
        )
        parser.add_argument(
            "--resource-kind",
            choices=Resource.Kind.values,
            default=Resource.Kind.FUND,
            help="Kind of the resources (with --as resources).",
        )
        parser.add_argument(
            "--themes", help="Thematic areas of the resources (codes, comma-separated)."
        )
        parser.add_argument("--forms", help="Forms of assistance of the resources (codes).")
        parser.add_argument("--user", help="Username recorded as the resources' creator.")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            document = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error}") from error
        reason = not_text_reason(document)
        if reason:
            raise CommandError(f"{path.name}: {reason}; nothing was imported.")
        try:
            reporting_org = reporting_organisation(options["reporting_org"])
        except Organisation.DoesNotExist:
            raise CommandError(f"Unknown organisation {options['reporting_org']!r}.") from None
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"Unknown user {options['user']!r}.") from None
        try:
            summary = import_activities(
                document,
                as_resources=options["kind"] == "resources",
                reporting_org=reporting_org,
                themes=codes(options["themes"]),
                forms=codes(options["forms"]),
                kind=options["resource_kind"],
                user=user,
            )
        except IatiRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(
                f"{path.name}: {len(rejected.problems)} problem(s); nothing was imported."
            ) from None
        for warning in summary.warnings:
            self.stdout.write(self.style.WARNING(f"{path.name}: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(summary.created)} {options['kind']} created, "
                f"{len(summary.updated)} updated, {len(summary.warnings)} warning(s)."
            )
        )
