import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assistance.imports.services.iati_export import (
    IatiRejected,
    NothingToExport,
    export_projects,
    exportable_projects,
    reporting_organisation,
)
from cms.core.models import Organisation


class Command(BaseCommand):
    help = (
        "Write every project as an IATI 2.03 activities file (DAC sector 15240 for SALW "
        "control, thematic areas as sectors of vocabulary 99), "
        "checked against the official schema first. Projects IATI cannot describe (no start date) "
        "stop the export unless --leave-out-incomplete."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="File to write (default: standard output).")
        parser.add_argument(
            "--reporting-org",
            help="Code of the publishing organisation (default: POAISS_IATI_REPORTING_ORG).",
        )
        parser.add_argument("--reporting-org-ref", help="Its IATI organisation identifier.")
        parser.add_argument("--reporting-org-type", help="Its IATI organisation type code.")
        parser.add_argument(
            "--leave-out-incomplete",
            action="store_true",
            help="Leave out, with a warning, projects IATI cannot describe.",
        )

    def handle(self, *args, **options):
        try:
            reporting_org = reporting_organisation(
                options["reporting_org"],
                options["reporting_org_ref"],
                options["reporting_org_type"],
            )
        except Organisation.DoesNotExist:
            raise CommandError(f"Unknown organisation {options['reporting_org']!r}.") from None
        try:
            export = export_projects(
                exportable_projects(),
                reporting_org=reporting_org,
                leave_out_incomplete=options["leave_out_incomplete"],
            )
        except NothingToExport as nothing:
            for project, reason in nothing.left_out:
                self.stderr.write(self.style.WARNING(f"Left out {project.code}: {reason}"))
            raise CommandError(nothing.problems[0]) from None
        except IatiRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(rejected.problems)} problem(s); no IATI file was written."
            ) from None
        for project, reason in export.left_out:
            self.stderr.write(self.style.WARNING(f"Left out {project.code}: {reason}"))
        if options["output"]:
            options["output"].write_bytes(export.document)
            self.stderr.write(
                self.style.SUCCESS(
                    f"{len(export.exported)} projects written to {options['output']}, "
                    f"{len(export.left_out)} left out."
                )
            )
        else:
            sys.stdout.buffer.write(export.document)
