from django.core.management.base import BaseCommand, CommandError

from cms.core.vocabularies import VocabularyError, load_vocabularies


class Command(BaseCommand):
    help = (
        "Load or refresh the taxonomy in the six UN languages: thematic areas, MOSAIC modules, "
        "forms of assistance, organisation types, regions and countries (idempotent)."
    )

    def handle(self, *args, **options):
        try:
            summary = load_vocabularies()
        except VocabularyError as error:
            raise CommandError(str(error)) from None
        for name, created in summary.created.items():
            self.stdout.write(f"{name}: {created} created, {summary.updated[name]} updated")
        if summary.cldr_fallbacks:
            codes = ", ".join(summary.cldr_fallbacks)
            self.stdout.write(f"countries named from CLDR (not in the M49 table): {codes}")
