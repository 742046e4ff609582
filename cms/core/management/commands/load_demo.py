import io
import logging
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand, OutputWrapper
from django.db import transaction
from tqdm import tqdm
from wagtail.models import Page

from cms.core.demo import ensure_demo_admin, update_catalogues
from cms.core.plugins import contributions

# The eager Celery tasks the loaders queue log one line each: not for this console.
QUIET_LOGGERS = ("celery.app.trace", "celery.worker", "celery.redirected")


@contextmanager
def quiet_tasks():
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the taxonomy and the demo content in the six UN languages (idempotent: loading "
        "it again changes nothing). Shows a progress bar and a summary; -v 2 shows each step."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo superuser."
        )
        parser.add_argument(
            "--update-catalogues",
            action="store_true",
            help="After loading, add new English segments to data/demo/translations/*.po.",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        # Each step's own report: as it comes with -v 2, else gathered into the summary.
        report = self.stdout if verbosity >= 2 else OutputWrapper(io.StringIO())
        loaders = list(contributions("demo_loader"))
        steps = 2 + len(loaders) + (0 if options["no_admin"] else 1)
        bar = tqdm(
            total=steps,
            desc="Loading the demo",
            unit="step",
            file=self.stderr._out,
            disable=verbosity < 1,
            leave=False,
        )
        with bar, quiet_tasks():
            bar.set_postfix_str("taxonomy")
            call_command("load_taxonomy", stdout=report, verbosity=verbosity)
            bar.update()
            with transaction.atomic():
                # Each installed app's demo content, in INSTALLED_APPS order: the core's
                # pages first.
                for app_config, load in loaders:
                    bar.set_postfix_str(app_config.label)
                    load(stdout=report)
                    bar.update()
                # Translated parents end up with a stale child count once the imports'
                # after-commit work has run, and treebeard would give the next page added
                # under them the path of an existing one: recount last, after every app's
                # demo pages.
                transaction.on_commit(Page.fix_tree)
            if options["update_catalogues"]:
                count = update_catalogues()
                report.write(f"translation catalogues updated with {count} segments")
            if not options["no_admin"]:
                bar.set_postfix_str("admin")
                # The generated password is shown whatever the verbosity.
                ensure_demo_admin(report if verbosity >= 1 else self.stdout)
                bar.update()
            # The index is built here, not left to a worker that may not be running yet.
            bar.set_postfix_str("search index")
            call_command("search_rebuild", stdout=report, verbosity=0)
            bar.update()
        if verbosity < 1:
            return
        if report is not self.stdout:
            self.stdout.write("Summary:")
            for line in report._out.getvalue().splitlines():
                if line.strip():
                    self.stdout.write(f"  {line.strip()}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
