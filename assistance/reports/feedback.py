"""Fulfilment feedback summarised by region and thematic area, for the coverage report.

Both sides of a match that was funded or completed say whether the need was met and rate
the match from 1 (poor) to 5 (excellent): the requesting State (recipient) and the provider.
A need counts once in each of its thematic areas, in the region of its country.
"""

from collections import defaultdict

from cms.core.models import Region, ThematicArea

from ..models import Match

SIDES = ("recipient", "provider")


def _average(values):
    return round(sum(values) / len(values), 2) if values else None


def summary(need_ids, language):
    """Rows region x theme: matches with feedback, average ratings, needs met per side."""
    matches = (
        Match.objects.filter(
            need_id__in=need_ids, status__in=[Match.Status.FUNDED, Match.Status.COMPLETED]
        )
        .select_related("need__country__region")
        .prefetch_related("need__themes")
        .order_by("pk")
    )
    cells = defaultdict(lambda: {"matches": 0, **{side: defaultdict(list) for side in SIDES}})
    for match in matches:
        answers = {
            side: (getattr(match, f"{side}_rating"), getattr(match, f"need_met_by_{side}"))
            for side in SIDES
        }
        if all(rating is None and met is None for rating, met in answers.values()):
            continue
        region = match.need.country.region.code if match.need.country.region else ""
        for theme in [theme.code for theme in match.need.themes.all()] or [""]:
            cell = cells[(region, theme)]
            cell["matches"] += 1
            for side, (rating, met) in answers.items():
                if rating is not None:
                    cell[side]["ratings"].append(rating)
                if met is not None:
                    cell[side]["met"].append(met)
    region_names, theme_names = Region.objects.names(language), ThematicArea.objects.names(language)
    rows = []
    for (region, theme), cell in sorted(cells.items()):
        row = {
            "region": region,
            "region_name": region_names.get(region, ""),
            "theme": theme,
            "theme_name": theme_names.get(theme, ""),
            "matches": cell["matches"],
        }
        for side in SIDES:
            row[f"{side}_rating"] = _average(cell[side]["ratings"])
            row[f"{side}_met"] = sum(cell[side]["met"])
            row[f"{side}_answers"] = len(cell[side]["met"])
        rows.append(row)
    return rows
