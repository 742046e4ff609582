"""Baseline, gaps and progress of MOSAIC self-assessments.

- Each applicable clause scores 0 (not started), ⅓ (partially), ⅔ (largely) or 1 (fully met);
  "not applicable" clauses leave the module's count. A clause not rated yet is not started.
- A module's baseline: its applicable clauses, how many are fully or largely met and their
  share, and its score (the mean of its clauses' scores, 0 to 100).
- A gap is an applicable clause not yet met (not started or partially met); gaps are ranked
  by priority (high first), then rating (not started first), then clause order.
- Progress compares two assessments of one State: per clause improved, regressed or
  unchanged (or not comparable when one side is not applicable or absent), per module by score.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Clause, ClauseRating, Priority, Rating

SCORES = {
    Rating.NOT_STARTED: 0.0,
    Rating.PARTIAL: 1 / 3,
    Rating.LARGELY: 2 / 3,
    Rating.FULLY: 1.0,
}
MET = {Rating.LARGELY, Rating.FULLY}
GAPS = {Rating.NOT_STARTED, Rating.PARTIAL}
PRIORITY_RANK = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}
PROGRESS_CHOICES = [
    ("improved", _("improved")),
    ("regressed", _("regressed")),
    ("unchanged", _("unchanged")),
    ("not_comparable", _("not comparable")),
]


@dataclass
class Line:
    """One clause of an assessment, rated or not yet."""

    clause: Clause
    rating: str = Rating.NOT_STARTED
    priority: str = Priority.MEDIUM
    evidence: str = ""

    @property
    def applicable(self):
        return self.rating != Rating.NOT_APPLICABLE

    @property
    def score(self):
        return SCORES.get(self.rating)


@dataclass
class ModuleBaseline:
    module: object
    clauses: int = 0
    applicable: int = 0
    met: int = 0
    fully: int = 0
    scores: list = field(default_factory=list)

    @property
    def share_met(self):
        return round(self.met / self.applicable, 4) if self.applicable else None

    @property
    def score(self):
        return round(100 * sum(self.scores) / len(self.scores), 1) if self.scores else None


def clauses_of(assessment):
    return list(
        Clause.objects.filter(module__in=assessment.modules.all())
        .select_related("module", "theme")
        .order_by("module__code", "sort_order", "number")
    )


def lines(assessment):
    """Every clause of the assessment's modules with its rating, in checklist order."""
    rated = {
        rating.clause_id: rating for rating in ClauseRating.objects.filter(assessment=assessment)
    }
    result = []
    for clause in clauses_of(assessment):
        rating = rated.get(clause.pk)
        if rating is None:
            result.append(Line(clause))
        else:
            result.append(Line(clause, rating.rating, rating.priority, rating.evidence))
    return result


def baseline(assessment, assessment_lines=None):
    """[ModuleBaseline] per module, in code order."""
    modules = {}
    for line in assessment_lines if assessment_lines is not None else lines(assessment):
        module = line.clause.module
        entry = modules.setdefault(module.code, ModuleBaseline(module))
        entry.clauses += 1
        if not line.applicable:
            continue
        entry.applicable += 1
        entry.met += line.rating in MET
        entry.fully += line.rating == Rating.FULLY
        entry.scores.append(line.score)
    for module in assessment.modules.all():
        modules.setdefault(module.code, ModuleBaseline(module))
    return [modules[code] for code in sorted(modules)]


def gaps(assessment, assessment_lines=None):
    """The lines not yet met, ranked by priority, then rating, then clause order."""
    all_lines = assessment_lines if assessment_lines is not None else lines(assessment)
    found = [(position, line) for position, line in enumerate(all_lines) if line.rating in GAPS]
    found.sort(key=lambda item: (PRIORITY_RANK[item[1].priority], SCORES[item[1].rating], item[0]))
    return [line for _position, line in found]


def compare(before, after):
    if before is None or after is None:
        return "not_comparable"
    if before > after:
        return "regressed"
    if before < after:
        return "improved"
    return "unchanged"


def progress(earlier, later):
    """{modules: [...], clauses: [...]} from `earlier` to `later` (both of one State)."""
    before = {line.clause.pk: line for line in lines(earlier)}
    after_lines = lines(later)
    clauses = []
    for line in after_lines:
        old = before.get(line.clause.pk)
        old_score = old.score if old else None
        clauses.append(
            {
                "line": line,
                "before": old.rating if old else None,
                "after": line.rating,
                "change": compare(old_score, line.score),
            }
        )
    earlier_modules = {entry.module.code: entry for entry in baseline(earlier)}
    modules = []
    for entry in baseline(later, after_lines):
        old = earlier_modules.get(entry.module.code)
        old_score = old.score if old else None
        modules.append(
            {
                "baseline": entry,
                "score_before": old_score,
                "score_after": entry.score,
                "change": compare(old_score, entry.score),
            }
        )
    return {"modules": modules, "clauses": clauses}
