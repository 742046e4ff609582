from django.core.management.base import BaseCommand, CommandError

from cms.core.languages import UN_LANGUAGE_CODES
from search import registry
from search.backends import SearchBackendUnavailable
from search.service import backend


class Command(BaseCommand):
    help = "Show, per language, how many documents the index holds against the database."

    def handle(self, *args, **options):
        search_backend = backend()
        try:
            indexed = search_backend.status()
        except SearchBackendUnavailable as error:
            raise CommandError(f"The search backend cannot be reached: {error}") from error
        expected = {}
        for provider in registry.providers():
            for language, count in provider.count_by_language().items():
                expected[language] = expected.get(language, 0) + count
        self.stdout.write(f"Backend: {search_backend.name}")
        self.stdout.write(f"{'language':<10}{'database':>10}{'index':>10}")
        out_of_step = False
        for language in UN_LANGUAGE_CODES:
            in_database, in_index = expected.get(language, 0), indexed.get(language, 0)
            marker = "" if in_database == in_index else "  out of step"
            out_of_step = out_of_step or bool(marker)
            self.stdout.write(f"{language:<10}{in_database:>10}{in_index:>10}{marker}")
        if out_of_step:
            self.stdout.write(self.style.WARNING("Run `manage.py search_rebuild` to catch up."))
