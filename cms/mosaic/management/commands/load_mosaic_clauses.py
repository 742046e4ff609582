from django.core.management.base import BaseCommand, CommandError

from cms.mosaic.clauses import CLAUSES_FILE, ClauseFileError, load_clauses


class Command(BaseCommand):
    help = (
        "Load MOSAIC clause checklists from a CSV table (module, number, theme, one column per "
        "language), all or nothing. Without a file, the clauses shipped with the suite."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(CLAUSES_FILE))

    def handle(self, *args, **options):
        try:
            result = load_clauses(options["file"])
        except ClauseFileError as error:
            raise CommandError("Nothing was loaded:\n" + "\n".join(error.errors)) from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from None
        self.stdout.write(
            f"MOSAIC clauses: {result.created} created, {result.updated} updated "
            f"({', '.join(result.modules)})."
        )
