from django.core.management.base import BaseCommand

from assistance import tasks
from assistance.matching import service


class Command(BaseCommand):
    help = "Recompute the proposed matches of every need (here, or queued to the workers)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the chunked rebuild to the Celery workers instead of running it here.",
        )
        parser.add_argument("--chunk-size", type=int, default=tasks.REBUILD_CHUNK_SIZE)

    def handle(self, *args, **options):
        if options["queue"]:
            result = tasks.start_rebuild(options["chunk_size"])
            self.stdout.write(f"Rebuild queued ({result.id}).")
            return
        matched = service.rebuild_all()
        self.stdout.write(self.style.SUCCESS(f"{matched} needs matched."))
