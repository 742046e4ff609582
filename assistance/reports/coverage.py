"""Coverage of the assistance needs, for the informal meetings of interested States.

Rows are region x thematic area. A need with several thematic areas counts once in each of
its rows, with its amount divided equally among them, so that the amounts add up to the
total requested. Per need:

- requested: its amount in USD;
- matched: its amount when the engine proposes at least one match (or a match was agreed);
- funded: its amount once funded or completed; otherwise what its funded matches give;
- gap: requested less funded.

Counted needs are the validated ones the reader may see (published with consent, for the
public). The report also lists unmatched needs, duplication (near-duplicate needs of one
country; projects overlapping in country, theme and period from different funders) and
synergies (co-funding sets; neighbouring countries with the same need, which one regional
project could serve).
"""

import csv
import io
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from itertools import combinations

from django.db.models import Q
from django.utils.translation import gettext as _

from cms.core.models import Region, ThematicArea
from cms.core.spreadsheets import csv_row

from .. import permissions as rules
from ..models import Match, Need, Project

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def counted_needs(user):
    needs = rules.visible_needs(user).filter(status__in=Need.VALIDATED_STATUSES)
    if not rules.roles.is_secretariat(user) and not rules.roles.is_donor(user):
        needs = needs.filter(rules.public_needs())
    return needs


def _end(need):
    return need.start_date + timedelta(days=30 * need.duration_months)


def _funded(need, funded_by_match):
    if need.status in (Need.Status.FUNDED, Need.Status.COMPLETED):
        return need.amount_usd
    return min(need.amount_usd, funded_by_match.get(need.pk, ZERO))


def build(needs_queryset, language):
    needs = list(
        needs_queryset.select_related(
            "country__region", "country__sub_region", "country__intermediate_region"
        ).prefetch_related("themes")
    )
    ids = [need.pk for need in needs]
    region_names, theme_names = Region.objects.names(language), ThematicArea.objects.names(language)
    matched = set(
        Match.objects.filter(need_id__in=ids)
        .filter(Q(is_current=True) | Q(status__in=[Match.Status.AGREED, Match.Status.FUNDED]))
        .exclude(status=Match.Status.DECLINED)
        .values_list("need_id", flat=True)
    )
    funded_by_match = defaultdict(lambda: ZERO)
    for match in Match.objects.filter(need_id__in=ids, status=Match.Status.FUNDED).prefetch_related(
        "contributions"
    ):
        funded_by_match[match.need_id] += sum(c.amount_usd for c in match.contributions.all())

    cells = {}
    for need in needs:
        themes = sorted(theme.code for theme in need.themes.all()) or [""]
        region = need.country.region.code if need.country.region_id else ""
        share = Decimal(len(themes))
        funded = _funded(need, funded_by_match)
        for theme in themes:
            cell = cells.setdefault(
                (region, theme),
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
                "title": need.in_language(language)[1]["title"],
                "country": need.country.code,
                "amount_usd": money(need.amount_usd),
            }
            for need in needs
            if need.pk not in matched
        ],
        "duplication": duplicate_needs(needs, language) + overlapping_projects(),
        "synergies": cofunding_sets(ids, language) + regional_groupings(needs, theme_names),
    }


def duplicate_needs(needs, language):
    """Needs of one country sharing a thematic area over overlapping periods."""
    found = []
    by_country = defaultdict(list)
    for need in needs:
        by_country[need.country.code].append(need)
    for country, group in sorted(by_country.items()):
        for first, second in combinations(sorted(group, key=lambda n: n.pk), 2):
            shared = {t.code for t in first.themes.all()} & {t.code for t in second.themes.all()}
            overlap = first.start_date <= _end(second) and second.start_date <= _end(first)
            if shared and overlap:
                found.append(
                    {
                        "kind": "needs",
                        "description": _("Two needs of %(country)s on the same theme overlap.")
                        % {"country": country},
                        "country": country,
                        "themes": sorted(shared),
                        "needs": [first.pk, second.pk],
                    }
                )
    return found


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


def cofunding_sets(need_ids, language):
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
        sub_region = need.country.intermediate_region or need.country.sub_region
        if sub_region is None:
            continue
        for theme in need.themes.all():
            groups[(sub_region.code, theme.code)][need.country.code].append(need.pk)
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
