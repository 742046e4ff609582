"""The coverage report's duplication findings from the duplicate detector
(`assistance.duplicates`): the same project, or the same need, recorded twice."""

from datetime import timedelta

from django.utils.translation import gettext as _

from ..duplicates import Candidate, find_duplicates, project_candidate
from ..models import Project


def same_projects():
    projects = (
        Project.objects.exclude(status=Project.Status.CANCELLED)
        .prefetch_related("focus_countries", "themes")
        .order_by("pk")
    )
    themes = {project.code: {theme.code for theme in project.themes.all()} for project in projects}
    found = []
    for duplicate in find_duplicates([project_candidate(project) for project in projects]):
        first, second = duplicate.first, duplicate.second
        found.append(
            {
                "kind": "same_project",
                "description": _("%(first)s looks like %(second)s: %(reason)s.")
                % {"first": second.key, "second": first.key, "reason": duplicate.reason},
                "reason": duplicate.reason,
                "countries": sorted(first.countries | second.countries),
                "themes": sorted(themes[first.key] | themes[second.key]),
                "projects": [first.key, second.key],
            }
        )
    return found


def need_candidate(need):
    """A Need (with its country); its period runs from the desired start for its duration."""
    titles = [need.title] + [
        texts.get("title", "")
        for texts in (need.translations or {}).values()
        if isinstance(texts, dict)
    ]
    return Candidate(
        key=f"#{need.pk}",
        code=need.reference or "",
        titles=tuple(title for title in titles if title),
        objectives=(need.description,) if need.description else (),
        countries=frozenset({need.country.code}),
        funders=frozenset(),
        start=need.start_date,
        end=need.start_date + timedelta(days=30 * need.duration_months),
        extra={"pk": need.pk},
    )


def same_needs(needs_queryset):
    needs = needs_queryset.select_related("country").prefetch_related("themes").order_by("pk")
    themes = {need.pk: {theme.code for theme in need.themes.all()} for need in needs}
    found = []
    for duplicate in find_duplicates([need_candidate(need) for need in needs]):
        first, second = duplicate.first, duplicate.second
        ids = [first.extra["pk"], second.extra["pk"]]
        found.append(
            {
                "kind": "same_need",
                "description": _("Need %(first)s looks like need %(second)s: %(reason)s.")
                % {"first": second.key, "second": first.key, "reason": duplicate.reason},
                "reason": duplicate.reason,
                "countries": sorted(first.countries | second.countries),
                "themes": sorted(themes[ids[0]] | themes[ids[1]]),
                "needs": ids,
            }
        )
    return found
