import yaml
from django.core.management.base import BaseCommand, CommandError

from cms.library.questionnaire.loader import QuestionnaireDataError, load_version, version_files


class Command(BaseCommand):
    help = (
        "Create or update the questionnaire versions from cms/library/data/questionnaire/ "
        "(idempotent, all-or-nothing), or from the files given."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Version files (default: every v*.yaml).")

    def handle(self, *args, paths=(), **options):
        try:
            versions = [load_version(path) for path in (paths or version_files())]
        except (QuestionnaireDataError, OSError, yaml.YAMLError) as error:
            raise CommandError(str(error)) from None
        for version in versions:
            count = sum(section.questions.count() for section in version.sections.all())
            self.stdout.write(f"Questionnaire {version.code}: {count} questions")
