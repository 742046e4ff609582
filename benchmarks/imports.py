"""Benchmark of the table importer refusing a big table, and checking a good one.

    .venv/bin/python benchmarks/imports.py --rows 20000

Makes a throw-away SQLite database in a temporary directory (migrations and the taxonomy),
writes needs tables of `--rows` rows made from the example table (assistance/imports/
examples/needs.csv, each row with its own reference), and times
`import_table("needs", ..., dry_run=True)` on each: a bad cell in the last row, every row
bad, and no bad row (every row checked against the database too: the time a table whose last
row breaks a database rule takes to be refused). Wall-clock and CPU seconds are printed with
the load average: on a shared machine the CPU time is the steadier figure.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "assistance" / "imports" / "examples" / "needs.csv"


def setup(directory):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        POAISS_VAR_DIR=directory,
        DATABASE_URL=f"sqlite:///{directory}/imports.sqlite3",
    )
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_taxonomy", verbosity=0)


def write_table(path, count, bad_rows):
    with EXAMPLE.open(encoding="utf-8") as stream:
        header, *examples = list(csv.reader(stream))
    draft = examples[-1]  # a draft: every row is checked, none walks the lifecycle
    rows = []
    for number in range(count):
        row = list(draft)
        row[header.index("reference")] = f"BENCH-{number:06d}"
        row[header.index("title")] = f"Destruction of surplus ammunition {number}"
        if number in bad_rows:
            row[header.index("amount")] = "a lot"
        rows.append(row)
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([header, *rows])
    return path


def timed(path):
    from assistance.imports.services.tables import TableRejected, import_table

    wall, cpu = time.perf_counter(), time.process_time()
    try:
        summary = import_table("needs", path, dry_run=True)
        outcome = f"accepted ({len(summary.created)} would be created)"
    except TableRejected as rejected:
        more = ", stopped there" if rejected.truncated else ""
        outcome = f"refused, {len(rejected.errors)} problem(s){more}"
    return time.perf_counter() - wall, time.process_time() - cpu, outcome


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    options = parser.parse_args()
    count = options.rows
    with tempfile.TemporaryDirectory() as directory:
        setup(directory)
        cases = [
            ("a bad cell in the last row", {count - 1}),
            ("every row bad", set(range(count))),
            ("no bad row (checked against the database too)", set()),
        ]
        print(f"{count:,} rows; load average {os.getloadavg()[0]:.1f}")
        for name, bad_rows in cases:
            table = write_table(Path(directory) / "needs.csv", count, bad_rows)
            wall, cpu, outcome = timed(table)
            load = os.getloadavg()[0]
            print(f"{name}: {wall:.2f} s ({cpu:.2f} s CPU), {outcome}; load average {load:.1f}")


if __name__ == "__main__":
    main()
