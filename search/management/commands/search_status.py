from django.core.management.base import BaseCommand, CommandError

from cms.core.languages import UN_LANGUAGE_CODES
from search import registry
from search.backends import SearchBackendUnavailable
from search.service import backend
from search.sync import pending_updates


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
        backlog = pending_updates()
        self.stdout.write(f"Updates waiting in the outbox: {backlog.count()}")
        failing = backlog.exclude(last_error="").order_by("-pk").first()
        if failing:
            last_line = failing.last_error.strip().splitlines()[-1]
            self.stdout.write(self.style.WARNING(f"Last failure: {last_line}"))
        if out_of_step:
            self.stdout.write(self.style.WARNING("Run `manage.py search_rebuild` to catch up."))
