"""The reporting cycles, loaded from the researched data file `data/reporting_cycles.yaml`."""

from pathlib import Path

import yaml

CYCLES_FILE = Path(__file__).parent / "data" / "reporting_cycles.yaml"
FIELDS = (
    "meeting",
    "number",
    "year",
    "start_date",
    "end_date",
    "venue",
    "report_symbol",
    "outcome_symbol",
)


def read_cycles(path=CYCLES_FILE):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)["cycles"]


def load_cycles(model=None, path=CYCLES_FILE):
    """Create or update every cycle of the file; returns (created, updated).

    The file opens the current cycle only while no cycle is open: after that, which cycle is
    open is the secretariat's decision, taken in the admin, and loading again keeps it.
    """
    if model is None:
        from .models import ReportingCycle as model
    entries = read_cycles(path)
    # A migration passes its historical model, which may lack fields added since.
    known = {field.name for field in model._meta.get_fields()}
    someone_decided = model.objects.filter(is_open_for_submissions=True).exists()
    created = updated = 0
    for entry in entries:
        values = {name: entry.get(name) for name in FIELDS if name in known}
        for name in ("venue", "report_symbol", "outcome_symbol"):
            if name in values:
                values[name] = values[name] or ""  # Django's "no value" for text
        _cycle, was_created = model.objects.update_or_create(code=entry["code"], defaults=values)
        if was_created:
            created += 1
        else:
            updated += 1
    if not someone_decided:
        opened = [entry["code"] for entry in entries if entry.get("open_for_submissions")]
        if len(opened) > 1:
            raise ValueError(f"{path} opens more than one cycle: {', '.join(opened)}")
        if opened:
            model.objects.filter(code=opened[0]).update(is_open_for_submissions=True)
    return created, updated
