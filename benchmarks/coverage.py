"""Benchmark of the coverage report: building it over many validated needs.

    .venv/bin/python benchmarks/coverage.py --needs 20000 [--reference REV]

Makes a throw-away SQLite database in a temporary directory (migrations and the taxonomy, no
demo), writes the needs in bulk (UN Member States, one or two thematic areas, a quarter of
them with a current match, some funded with contributions), then times `coverage.build` for
the secretariat, three rounds, and prints the median. With `--reference REV` it also times
the coverage module as it was at that git revision, in the same run and on the same data, so
the two can be compared as a ratio. The load average is printed with the figures.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(directory):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        POAISS_VAR_DIR=directory,
        DATABASE_URL=f"sqlite:///{directory}/coverage.sqlite3",
    )
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_taxonomy", verbosity=0)


def make_needs(count, seed=7):
    from assistance.models import Match, MatchResource, Need, Resource
    from cms.core.models import Country, ThematicArea

    rng = random.Random(seed)
    countries = list(Country.objects.filter(locale__language_code="en"))
    themes = list(ThematicArea.objects.filter(locale__language_code="en"))
    needs = Need.objects.bulk_create(
        Need(
            title=f"Need {number}",
            country=rng.choice(countries),
            amount=Decimal(rng.randrange(10_000, 500_000)),
            amount_usd=Decimal(rng.randrange(10_000, 500_000)),
            currency="USD",
            start_date=date(2026 + rng.randrange(3), rng.randrange(1, 13), 1),
            duration_months=rng.randrange(6, 37),
            status=Need.Status.VALIDATED,
            consent_to_publish=True,
        )
        for number in range(count)
    )
    through = Need.themes.through
    through.objects.bulk_create(
        through(need_id=need.pk, thematicarea_id=theme.pk)
        for need in needs
        for theme in rng.sample(themes, rng.choice((1, 1, 2)))
    )
    resource = Resource.objects.create(
        title="A fund",
        kind=Resource.Kind.FUND,
        status=Resource.Status.ACTIVE,
        grant_cap=Decimal(200_000),
    )
    matched = rng.sample(needs, count // 4)
    matches = Match.objects.bulk_create(
        Match(
            need=need,
            resource_key=str(resource.pk),
            is_current=True,
            score=0.5,
            status=Match.Status.FUNDED if index % 5 == 0 else Match.Status.PROPOSED,
        )
        for index, need in enumerate(matched)
    )
    MatchResource.objects.bulk_create(
        MatchResource(match=match, resource=resource, amount_usd=Decimal(5_000))
        for match in matches
        if match.status == Match.Status.FUNDED
    )


def module_at(revision):
    """The coverage module as it was at `revision`, importable beside the current one."""
    source = subprocess.check_output(
        ["git", "show", f"{revision}:assistance/reports/coverage.py"], cwd=ROOT, text=True
    )
    module = types.ModuleType("assistance.reports.coverage_reference")
    module.__package__ = "assistance.reports"
    exec(compile(source, f"coverage.py@{revision}", "exec"), module.__dict__)
    return module


def timed(build, queryset, rounds):
    seconds = []
    for _round in range(rounds):
        started = time.perf_counter()
        report = build(queryset, "en")
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reference", help="a git revision to compare with, e.g. main~5")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        setup(directory)
        from django.contrib.auth import get_user_model

        from assistance.reports import coverage

        make_needs(options.needs)
        secretariat = get_user_model().objects.create_superuser("bench", password="x" * 20)
        queryset = coverage.counted_needs(secretariat)
        load = os.getloadavg()[0]
        current, report = timed(coverage.build, queryset, options.rounds)
        print(
            f"needs: {report['totals']['needs']}, rows: {len(report['rows'])}, "
            f"duplicates: {len(report['duplication'])}"
        )
        print(f"coverage.build: {current:.2f} s (median of {options.rounds}), load {load:.2f}")
        if options.reference:
            before, old_report = timed(module_at(options.reference).build, queryset, 1)
            same = old_report == report
            print(
                f"at {options.reference}: {before:.2f} s; ratio {before / current:.1f}x; "
                f"same report: {same}; load {os.getloadavg()[0]:.2f}"
            )


if __name__ == "__main__":
    main()
