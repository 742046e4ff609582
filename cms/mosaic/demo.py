"""Demo: the clause checklists and one fictional self-assessment of MOSAIC 05.30.

The assessment is an example, not any State's: its title and every evidence text say so,
and it stays private (the demo State's point of contact and the secretariat see it).
"""

from datetime import date

from cms.core.models import Country, MosaicModule

from .clauses import load_clauses
from .models import Assessment, Clause, ClauseRating

DEMO_STATE = "LR"
DEMO_TITLE = "Fictional example: self-assessment of MOSAIC 05.30 (not an assessment by Liberia)"
DEMO_RATINGS = {
    "5.1.1": ("fully", "high"),
    "5.1.2": ("largely", "medium"),
    "5.1.3": ("partial", "medium"),
    "5.2.1": ("not_started", "high"),
    "5.3.1": ("not_applicable", "low"),
    "5.4.1": ("partial", "high"),
    "5.5.1": ("not_started", "medium"),
    "6.1.1": ("largely", "high"),
    "6.2.1": ("fully", "low"),
    "6.3.1": ("partial", "medium"),
    "6.4.1": ("not_started", "high"),
    "6.5.1": ("largely", "low"),
    "6.6.1": ("partial", "high"),
    "6.7.1": ("not_applicable", "low"),
}
DEMO_EVIDENCE = "Fictional example for the demonstration; no State made this assessment."


def load(stdout=None):
    load_clauses()
    module = MosaicModule.objects.source().get(code="05.30")
    assessment, _created = Assessment.objects.get_or_create(
        title=DEMO_TITLE,
        defaults={
            "country": Country.objects.by_code(DEMO_STATE),
            "assessed_on": date(2026, 6, 30),
            "shared": False,
        },
    )
    assessment.modules.set([module])
    clauses = {clause.number: clause for clause in Clause.objects.filter(module=module)}
    for number, (rating, priority) in DEMO_RATINGS.items():
        if number in clauses:
            ClauseRating.objects.update_or_create(
                assessment=assessment,
                clause=clauses[number],
                defaults={"rating": rating, "priority": priority, "evidence": DEMO_EVIDENCE},
            )
    if stdout is not None:
        stdout.write("MOSAIC: clause checklists and one fictional example assessment.")
