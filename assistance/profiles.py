"""The assistance sections of a country profile: its needs and the projects it benefits from.

Only what the viewer may see: `permissions.visible_needs` decides, so a State's unpublished
needs appear in its own point of contact's and the secretariat's view of the profile only.
"""

from django.utils import translation

from .models import Project
from .permissions import visible_needs


def needs_section(country_code, language_code, user):
    needs = (
        visible_needs(user, None)
        .filter(country__code=(country_code or "").upper())
        .prefetch_related("themes")
        .order_by("-created_at", "-pk")
    )
    section = []
    with translation.override(language_code):
        for need in needs:
            served, texts = need.in_language(language_code)
            section.append(
                {
                    "id": need.pk,
                    "title": texts["title"],
                    "locale": served,
                    "status": need.status,
                    "status_label": str(need.get_status_display()),
                    "amount_usd": str(need.amount_usd) if need.amount_usd is not None else None,
                    "themes": sorted(theme.code for theme in need.themes.all()),
                }
            )
    return section


def projects_section(country_code, language_code, user):
    projects = (
        Project.objects.filter(focus_countries__code=(country_code or "").upper())
        .distinct()
        .order_by("-start_date", "code")
    )
    section = []
    with translation.override(language_code):
        for project in projects:
            served, texts = project.in_language(language_code)
            section.append(
                {
                    "id": project.pk,
                    "code": project.code,
                    "title": texts["title"],
                    "locale": served,
                    "status": project.status,
                    "status_label": str(project.get_status_display()),
                    "start_date": project.start_date,
                    "end_date": project.end_date,
                }
            )
    return section
