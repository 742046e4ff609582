"""Benchmark of the printed analysis of national reports: render time and size of the PDF.

    .venv/bin/python benchmarks/analysis_pdf.py --reports 10 [--maps key|all]
        [--languages en,ar,zh-hans] [--rounds 2] [--keep DIR] [--out DIR]

Makes a throw-away SQLite database (the migrations, which load the reporting cycles and the
questionnaire, and the taxonomy), writes the counted answers of `--reports` States for BMS9
as publishing leaves them (`StateReport` and `StateAnswer` rows and the cycle's roll-ups:
the figures read nothing else), then renders the document in each language `--rounds`
times and prints wall-clock and CPU seconds, size and pages. `--keep DIR` keeps the database
in DIR and reuses it on the next run (the migrations take minutes); `--out DIR` writes the
PDFs there.
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CYCLE = "BMS9"
STATUS_WEIGHTS = {"yes": 10, "no": 4, "in_development": 4, "not_applicable": 1, None: 1}


def setup(directory):
    database = Path(directory) / "analysis-pdf.sqlite3"
    fresh = not database.exists()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        POAISS_VAR_DIR=str(directory),
        DATABASE_URL=f"sqlite:///{database}",
    )
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    if fresh:
        call_command("migrate", verbosity=0)
        call_command("load_taxonomy", verbosity=0, stdout=io.StringIO())


def write_reports(count, seed=7):
    """Counted reports of `count` States in the cycle, replacing those of an earlier run."""
    from wagtail.models import Page

    from cms.analysis.facts import roll_up
    from cms.analysis.figures import question_catalogue
    from cms.analysis.models import StateAnswer, StateReport
    from cms.analysis.states import reporting_states
    from cms.library.models import ReportingCycle

    rng = random.Random(seed)
    cycle = ReportingCycle.objects.get(code=CYCLE)
    StateReport.objects.filter(cycle=cycle).delete()
    # The figures never read the report page itself; any page satisfies the foreign key.
    page = Page.objects.order_by("depth").first()
    codes = rng.sample(sorted(reporting_states("en")), count)
    questions = list(question_catalogue().values())
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    for code in codes:
        report = StateReport.objects.create(
            cycle=cycle,
            country_code=code,
            report=page,
            covers_poa=True,
            covers_iti=rng.random() > 0.1,
        )
        answers = []
        for question in questions:
            if question.answer_type == "yes_no_in_development":
                status = rng.choices(statuses, weights)[0]
                if status:
                    answers.append(
                        StateAnswer(state_report=report, question_code=question.code, status=status)
                    )
            elif question.answer_type == "number" and rng.random() > 0.3:
                answers.append(
                    StateAnswer(
                        state_report=report,
                        question_code=question.code,
                        number=rng.randrange(0, 5000),
                    )
                )
            elif question.answer_type == "list":
                answers.append(
                    StateAnswer(
                        state_report=report,
                        question_code=question.code,
                        entry_count=rng.randrange(0, 8),
                    )
                )
        StateAnswer.objects.bulk_create(answers)
    # Figures read the cycle's roll-ups, rewritten as publishing does.
    roll_up(cycle)
    return cycle


def measure(cycle, language, mapped, out):
    from pypdf import PdfReader

    from cms.analysis.report_pdf import render_pdf

    wall, cpu = time.perf_counter(), time.process_time()
    pdf = render_pdf(cycle, language, mapped)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if out:
        Path(out, f"analysis-{cycle.code}-{language}-{mapped}.pdf").write_bytes(pdf)
    return wall, cpu, len(pdf), len(PdfReader(io.BytesIO(pdf)).pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("--maps", choices=("key", "all"), default="key")
    parser.add_argument("--languages", default="en,ar,zh-hans")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", help="keep the database in this folder and reuse it")
    parser.add_argument("--out", help="write the PDFs in this folder")
    options = parser.parse_args()

    directory = options.keep or tempfile.mkdtemp(prefix="poaiss-analysis-pdf-")
    Path(directory).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    setup(directory)
    cycle = write_reports(options.reports)
    print(f"database ready in {time.perf_counter() - started:.1f} s ({directory})")
    print(f"{options.reports} reports in {cycle.code}, maps: {options.maps}")
    print("language  round  wall s  CPU s  size KB  pages  load average")
    for language in options.languages.split(","):
        for round_number in range(1, options.rounds + 1):
            wall, cpu, size, pages = measure(cycle, language, options.maps, options.out)
            load = os.getloadavg()[0]
            print(
                f"{language:<8}  {round_number:>5}  {wall:>6.1f}  {cpu:>5.1f}  "
                f"{size / 1024:>7.0f}  {pages:>5}  {load:.1f}"
            )


if __name__ == "__main__":
    main()
