from django.core.management.base import BaseCommand

from cms.library.cycles import CYCLES_FILE, load_cycles


class Command(BaseCommand):
    help = (
        f"Create or update the reporting cycles from {CYCLES_FILE.name} (idempotent). Which "
        "cycle is open for submissions is left as the secretariat set it in the admin."
    )

    def handle(self, *args, **options):
        created, updated = load_cycles()
        self.stdout.write(f"Reporting cycles: {created} created, {updated} updated")
