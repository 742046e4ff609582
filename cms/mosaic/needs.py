"""Gaps of a self-assessment become draft assistance needs of the State, with one action.

As `assistance.stated_needs` does for needs stated in national reports: each gap (a clause
not yet met) becomes a draft need of the State, its thematic area the clause's, its title
naming the MOSAIC module and clause, linked back to the clause by `GapNeed`. The link is
keyed by the State and the clause, so proposing again — from the same assessment or a later
one — never adds a second need for the same clause; the State edits, submits or withdraws the
need through assistance like any other draft.
"""

from datetime import date

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from assistance.models import Need
from assistance.models.needs import Priority as NeedPriority
from cms.core.languages import UN_LANGUAGE_CODES, source_language
from cms.core.models import Country

from .assessments import gaps, lines
from .models import GapNeed, Priority, Rating

TITLE_LENGTH = 255
DEFAULT_DURATION_MONTHS = 12
NEED_PRIORITIES = {
    Priority.HIGH: NeedPriority.HIGH,
    Priority.MEDIUM: NeedPriority.MEDIUM,
    Priority.LOW: NeedPriority.LOW,
}


def shortened(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def texts_for(assessment, line, language):
    """{title, description} of the need for a gap, in `language`."""
    with translation.override(language):
        _served, requirement = line.clause.in_language(language)
        prefix = _("MOSAIC %(module)s, clause %(number)s: ") % {
            "module": line.clause.module.code,
            "number": line.clause.number,
        }
        source = _(
            "Gap found by the MOSAIC self-assessment “%(title)s” of %(date)s (%(rating)s)."
        ) % {
            "title": assessment.title,
            "date": assessment.assessed_on.isoformat(),
            "rating": Rating(line.rating).label,
        }
    return {
        "title": shortened(prefix + requirement, TITLE_LENGTH),
        "description": f"{requirement}\n\n{source}",
    }


def propose_needs(assessment, user=None, clause_ids=None):
    """Propose a draft need for each gap (or only those of `clause_ids`).

    Returns (created links, existing links): a gap whose clause already has a need for this
    State is reported as existing, not proposed again.
    """
    country = Country.objects.by_code(assessment.country.code)
    source = source_language()
    created, existing = [], []
    with transaction.atomic():
        links = {
            link.clause_id: link
            for link in GapNeed.objects.select_for_update().filter(country_code=country.code)
        }
        for line in gaps(assessment, lines(assessment)):
            if clause_ids is not None and line.clause.pk not in clause_ids:
                continue
            if line.clause.pk in links:
                existing.append(links[line.clause.pk])
                continue
            texts = {code: texts_for(assessment, line, code) for code in UN_LANGUAGE_CODES}
            original = texts.pop(source)
            if line.evidence:
                original["description"] += "\n\n" + line.evidence
            need = Need(
                country=country,
                title=original["title"],
                description=original["description"],
                original_language=source,
                translations=texts,
                start_date=date.today(),
                duration_months=DEFAULT_DURATION_MONTHS,
                amount=0,
                priority=NEED_PRIORITIES[line.priority],
                concerns_iti=line.clause.module.code in {"05.30", "05.31"},
                status=Need.Status.DRAFT,
                created_by=user if user is not None and user.is_authenticated else None,
            )
            need.save()
            if line.clause.theme_id:
                need.themes.set([line.clause.theme])
            link = GapNeed.objects.create(
                country_code=country.code,
                clause=line.clause,
                assessment=assessment,
                need=need,
            )
            links[line.clause.pk] = link
            created.append(link)
    return created, existing
