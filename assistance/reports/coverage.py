"""Coverage of the assistance needs, for the informal meetings of interested States.

Rows are region x thematic area. A need with several thematic areas counts once in each of
its rows, with its amount divided equally among them, so that the amounts add up to the
total requested. Per need:

- requested: its amount in USD;
- matched: its amount when the engine proposes at least one match (or a match was agreed);
- funded: its amount once funded or completed; otherwise what its funded matches give;
- gap: requested less funded.

Counted needs are the validated ones the reader may see (published with consent, for the
public). The report also lists unmatched needs, duplication (the same project or need
recorded twice, found by `assistance.duplicates`; overlapping needs of one country; projects
overlapping in country, theme and period from different funders), synergies (co-funding
sets; neighbouring countries with the same need, which one regional project could serve) and
the fulfilment feedback of both sides by region and theme (`feedback`).
"""

import csv
import io
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from itertools import combinations
from typing import NamedTuple

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from cms.core.models import Region, ThematicArea
from cms.core.spreadsheets import csv_row

from .. import permissions as rules
from ..models import Match, MatchResource, Need, Project
from . import duplication, feedback

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
FUNDED_STATUSES = [Match.Status.FUNDED, Match.Status.COMPLETED]
HELD_STATUSES = [Match.Status.AGREED, *FUNDED_STATUSES]


def counted_needs(user):
    needs = rules.visible_needs(user).filter(status__in=Need.VALIDATED_STATUSES)
    if not rules.roles.is_secretariat(user) and not rules.roles.is_donor(user):
        needs = needs.filter(rules.public_needs())
    return needs


class CountedNeed(NamedTuple):
    """What the report reads of a need: one query for all of them, no related managers."""

    pk: int
    amount_usd: Decimal
    status: str
    start_date: object
    end_date: object
    country: str
    region: str
    neighbourhood: str  # the intermediate region, else the sub-region
    themes: tuple


def counted_records(needs_queryset):
    rows = needs_queryset.values_list(
        "pk",
        "amount_usd",
        "status",
        "start_date",
        "duration_months",
        "country__code",
        "country__region__code",
        "country__sub_region__code",
        "country__intermediate_region__code",
    )
    themes = defaultdict(set)
    for need_id, code in Need.themes.through.objects.filter(
        need_id__in=needs_queryset.values("pk")
    ).values_list("need_id", "thematicarea__code"):
        themes[need_id].add(code)
    return [
        CountedNeed(
            pk=pk,
            amount_usd=amount,
            status=status,
            start_date=start,
            end_date=start + timedelta(days=30 * months),
            country=country,
            region=region or "",
            neighbourhood=intermediate or sub_region or "",
            themes=tuple(sorted(themes[pk])),
        )
        for pk, amount, status, start, months, country, region, sub_region, intermediate in rows
    ]


def _funded(need, funded_by_match):
    if need.status in (Need.Status.FUNDED, Need.Status.COMPLETED):
        return need.amount_usd
    return min(need.amount_usd, funded_by_match.get(need.pk, ZERO))


def build(needs_queryset, language):
    needs = counted_records(needs_queryset)
    ids = needs_queryset.values("pk")
    region_names, theme_names = Region.objects.names(language), ThematicArea.objects.names(language)
    matched = set(
        Match.objects.filter(need_id__in=ids)
        .filter(Q(is_current=True) | Q(status__in=HELD_STATUSES))
        .exclude(status=Match.Status.DECLINED)
        .values_list("need_id", flat=True)
    )
    funded_by_match = defaultdict(lambda: ZERO)
    for need_id, amount in (
        MatchResource.objects.filter(match__need_id__in=ids, match__status__in=FUNDED_STATUSES)
        .values("match__need_id")
        .annotate(total=Sum("amount_usd"))
        .values_list("match__need_id", "total")
    ):
        funded_by_match[need_id] += amount

    cells = {}
    for need in needs:
        themes = need.themes or ("",)
        share = Decimal(len(themes))
        funded = _funded(need, funded_by_match)
        for theme in themes:
            cell = cells.setdefault(
                (need.region, theme),
                {"needs": 0, "requested": ZERO, "matched": ZERO, "funded": ZERO},
            )
            cell["needs"] += 1
            cell["requested"] += need.amount_usd / share
            cell["matched"] += need.amount_usd / share if need.pk in matched else ZERO
            cell["funded"] += funded / share

    def money(value):
        return str(value.quantize(CENT))

    rows = []
    for (region, theme), cell in sorted(cells.items()):
        rows.append(
            {
                "region": region,
                "region_name": region_names.get(region, ""),
                "theme": theme,
                "theme_name": theme_names.get(theme, ""),
                "needs": cell["needs"],
                "requested_usd": money(cell["requested"]),
                "matched_usd": money(cell["matched"]),
                "funded_usd": money(cell["funded"]),
                "gap_usd": money(cell["requested"] - cell["funded"]),
            }
        )
    requested = sum((need.amount_usd for need in needs), ZERO)
    funded = sum((_funded(need, funded_by_match) for need in needs), ZERO)
    unmatched = [need for need in needs if need.pk not in matched]
    titles = {
        pk: Need.texts_in(language, original, translations, {"title": title})[1]["title"]
        for pk, title, original, translations in Need.objects.filter(
            pk__in=[need.pk for need in unmatched]
        ).values_list("pk", "title", "original_language", "translations")
    }
    return {
        "rows": rows,
        "totals": {
            "needs": len(needs),
            "requested_usd": money(requested),
            "matched_usd": money(
                sum((need.amount_usd for need in needs if need.pk in matched), ZERO)
            ),
            "funded_usd": money(funded),
            "gap_usd": money(requested - funded),
        },
        "unmatched_needs": [
            {
                "id": need.pk,
                "title": titles[need.pk],
                "country": need.country,
                "amount_usd": money(need.amount_usd),
            }
            for need in unmatched
        ],
        "duplication": duplication.same_projects()
        + duplication.same_needs(needs_queryset)
        + duplicate_needs(needs)
        + overlapping_projects(),
        "synergies": cofunding_sets(ids) + regional_groupings(needs, theme_names),
        "feedback": feedback.summary(ids, language),
    }


def duplicate_needs(needs):
    """Needs of one country sharing a thematic area over overlapping periods.

    Needs are bucketed by country and theme and swept by start date, so only needs that can
    overlap are compared (not every pair of a country's needs).
    """
    shared_themes = defaultdict(set)
    by_country_theme = defaultdict(list)
    for need in needs:
        for theme in need.themes:
            by_country_theme[(need.country, theme)].append(need)
    for (country, theme), bucket in by_country_theme.items():
        bucket.sort(key=lambda need: (need.start_date, need.pk))
        for index, first in enumerate(bucket):
            for second in bucket[index + 1 :]:
                if second.start_date > first.end_date:
                    break  # later starts cannot overlap `first` either
                pair = (first.pk, second.pk) if first.pk < second.pk else (second.pk, first.pk)
                shared_themes[(country, *pair)].add(theme)
    description = _("Two needs of %(country)s on the same theme overlap.")
    return [
        {
            "kind": "needs",
            "description": description % {"country": country},
            "country": country,
            "themes": sorted(themes),
            "needs": [first, second],
        }
        for (country, first, second), themes in sorted(shared_themes.items())
    ]


def overlapping_projects():
    """Projects of different funders in one country, on one theme, over overlapping periods."""
    projects = list(
        Project.objects.exclude(status=Project.Status.CANCELLED)
        .exclude(start_date=None)
        .exclude(end_date=None)
        .prefetch_related("focus_countries", "themes")
    )
    found = []
    for first, second in combinations(projects, 2):
        if not first.funding_source or first.funding_source == second.funding_source:
            continue
        countries = {c.code for c in first.focus_countries.all()} & {
            c.code for c in second.focus_countries.all()
        }
        themes = {t.code for t in first.themes.all()} & {t.code for t in second.themes.all()}
        overlap = first.start_date <= second.end_date and second.start_date <= first.end_date
        if countries and themes and overlap:
            found.append(
                {
                    "kind": "projects",
                    "description": _("Projects of different funders overlap."),
                    "countries": sorted(countries),
                    "themes": sorted(themes),
                    "projects": [first.code, second.code],
                }
            )
    return found


def cofunding_sets(need_ids):
    return [
        {
            "kind": "cofunding",
            "description": _("Resources that could fund a need together."),
            "need": match.need_id,
            "resources": match.resource_ids,
        }
        for match in Match.objects.filter(need_id__in=need_ids, is_cofunding=True, is_current=True)
    ]


def regional_groupings(needs, theme_names):
    """Neighbouring countries (one sub-region) with needs on the same theme."""
    groups = defaultdict(lambda: defaultdict(list))
    for need in needs:
        if not need.neighbourhood:
            continue
        for theme in need.themes:
            groups[(need.neighbourhood, theme)][need.country].append(need.pk)
    found = []
    for (sub_region, theme), by_country in sorted(groups.items()):
        if len(by_country) >= 2:
            found.append(
                {
                    "kind": "regional",
                    "description": _(
                        "Neighbouring countries need help on %(theme)s: one regional project "
                        "could serve them."
                    )
                    % {"theme": theme_names.get(theme, theme)},
                    "region": sub_region,
                    "theme": theme,
                    "countries": sorted(by_country),
                    "needs": sorted(pk for pks in by_country.values() for pk in pks),
                }
            )
    return found


CSV_COLUMNS = [
    "region",
    "region_name",
    "theme",
    "theme_name",
    "needs",
    "requested_usd",
    "matched_usd",
    "funded_usd",
    "gap_usd",
]


def as_csv(report):
    """The region x theme table as CSV, with translated column headings."""
    headings = {
        "region": _("Region code"),
        "region_name": _("Region"),
        "theme": _("Theme code"),
        "theme_name": _("Thematic area"),
        "needs": _("Needs"),
        "requested_usd": _("Requested (USD)"),
        "matched_usd": _("Matched (USD)"),
        "funded_usd": _("Funded (USD)"),
        "gap_usd": _("Gap (USD)"),
    }
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([headings[column] for column in CSV_COLUMNS])
    for row in report["rows"]:
        writer.writerow(csv_row(row[column] for column in CSV_COLUMNS))
    return output.getvalue()
