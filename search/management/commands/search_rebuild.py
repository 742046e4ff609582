from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from cms.api.caching import bump_version
from search import registry
from search.backends import SearchBackendUnavailable
from search.service import backend
from search.sync import pending_updates


def all_documents():
    for provider in registry.providers():
        yield from provider.all_documents()


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database: new indexes are filled, then swapped in "
        "at once, so searching goes on meanwhile."
    )

    def handle(self, *args, **options):
        search_backend = backend()
        started = timezone.now()
        expected = sum(
            sum(provider.count_by_language().values()) for provider in registry.providers()
        )
        progress = tqdm(
            total=expected,
            unit="doc",
            desc=f"Indexing ({search_backend.name})",
            disable=options["verbosity"] == 0,
            file=self.stderr,
        )
        try:
            indexed = search_backend.rebuild(all_documents(), progress=progress.update)
        except SearchBackendUnavailable as error:
            raise CommandError(f"The search backend cannot be reached: {error}") from error
        finally:
            progress.close()
        # Updates queued before the rebuild began are in it now.
        pending_updates().filter(created_at__lt=started).update(processed_at=timezone.now())
        bump_version()
        counts = search_backend.status()
        summary = ", ".join(f"{language} {count}" for language, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} documents ({summary or 'none'})."))
