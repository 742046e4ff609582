"""Benchmark of the analysis API: one question's figures over 195 States and 12 cycles.

    .venv/bin/python benchmarks/analysis.py [--requests 50]

Makes a throw-away SQLite database in a temporary directory (migrations, the taxonomy, the
questionnaire and the reporting cycles), counts a report of every reporting State in each of
the first 12 cycles with an answer to every status and number question (the rows that
`cms.analysis.facts` keeps when reports are published, rolled up per cycle; they all point
at one page, which the figures never read), then times uncached API requests through
Django's test client: the answers to one question in one cycle, their trend over the 12
cycles, the reporting rates, and the world map of the answers. Prints the median and 95th
percentile in milliseconds, with the load average: on a shared machine, compare the figures
of one run.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTION = "poa-ii-4-coordination-agency"


def setup(directory):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        POAISS_VAR_DIR=directory,
        DATABASE_URL=f"sqlite:///{directory}/analysis.sqlite3",
        API_RESPONSE_CACHE_TIMEOUT="0",
    )
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_taxonomy", verbosity=0)


def count_reports(cycle_count):
    from wagtail.models import Page

    from cms.analysis.facts import roll_up
    from cms.analysis.figures import question_catalogue
    from cms.analysis.models import StateAnswer, StateReport
    from cms.core.models import Country
    from cms.library.models import ReportingCycle
    from cms.library.questionnaire.answers import STATUS_VALUES

    page = Page.objects.first()
    random.seed(16)
    questions = [q for q in question_catalogue().values() if q.answer_type != "list"]
    codes = Country.objects.reporting_states().source().values_list("code", flat=True)
    cycles = list(ReportingCycle.objects.order_by("year")[:cycle_count])
    answers = []
    for cycle in cycles:
        for code in codes:
            report = StateReport.objects.create(
                cycle=cycle, country_code=code, report=page, covers_poa=True, covers_iti=True
            )
            for question in questions:
                if question.answer_type == "number":
                    answers.append(
                        StateAnswer(
                            state_report=report,
                            question_code=question.code,
                            number=random.randint(0, 5000),
                        )
                    )
                else:
                    answers.append(
                        StateAnswer(
                            state_report=report,
                            question_code=question.code,
                            status=random.choice(STATUS_VALUES),
                        )
                    )
    StateAnswer.objects.bulk_create(answers, batch_size=2000)
    for cycle in cycles:
        roll_up(cycle)
    return cycles, len(codes), len(answers)


def timed(client, url, requests):
    durations = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:300]
    durations.sort()
    return statistics.median(durations), durations[int(len(durations) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup(directory)
        from django.test import Client

        cycles, states, answers = count_reports(12)
        last = cycles[-1].code
        print(
            f"{states} States x {len(cycles)} cycles, {answers:,} counted answers; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        client = Client(SERVER_NAME="localhost")
        cases = [
            ("answers, one cycle", f"/api/v2/analysis/answers/?question={QUESTION}&cycle={last}"),
            ("answers, one region", f"/api/v2/analysis/answers/?question={QUESTION}&region=002"),
            ("trend, 12 cycles", f"/api/v2/analysis/trends/?question={QUESTION}"),
            ("reporting rates, 12 cycles", "/api/v2/analysis/reporting-rates/"),
            ("world map (SVG)", f"/api/v2/analysis/answers/map.svg?question={QUESTION}"),
        ]
        client.get(cases[0][1])  # the first request reads the map and the catalogs
        for name, url in cases:
            median, p95 = timed(client, url, options.requests)
            load = os.getloadavg()[0]
            print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms; load average {load:.1f}")


if __name__ == "__main__":
    main()
