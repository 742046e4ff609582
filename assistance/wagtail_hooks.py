"""Admin wiring: the assistance snippets, the review and coverage screens, menu and dashboard."""

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from cms.accounts import roles

from . import reports
from .admin import dashboard, decisions, views
from .admin.viewsets import AssistanceViewSetGroup
from .models import Need
from .reports import coverage
from .review import awaiting_decision, may_decide_stated_need

register_snippet(AssistanceViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("assistance/review/", views.review_matches, name="assistance_review"),
        path("assistance/coverage/", views.coverage_report, name="assistance_coverage"),
        path(
            "assistance/coverage/export/", views.coverage_export, name="assistance_coverage_export"
        ),
        # The first address of the CSV download, kept for existing links.
        path("assistance/coverage.csv", views.coverage_export, name="assistance_coverage_csv"),
        path(
            "assistance/matches/<int:pk>/decision/",
            decisions.decide_match,
            name="assistance_match_decision",
        ),
        path(
            "assistance/needs/<int:pk>/<slug:decision>/",
            decisions.decide_stated_need,
            name="assistance_stated_need",
        ),
    ]


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_secretariat(request.user)


class AssistanceRoleMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return (
            roles.is_secretariat(user)
            or roles.is_national_point_of_contact(user)
            or (roles.is_donor(user))
        )


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return AssistanceRoleMenuItem(
        _("Coverage report"), reverse("assistance_coverage"), icon_name="table", order=251
    )


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return SecretariatMenuItem(
        _("Match review"), reverse("assistance_review"), icon_name="resubmit", order=250
    )


class CoveragePanel(Component):
    """The headline figures of the coverage report on the admin dashboard."""

    name = "assistance_coverage"
    order = 150
    template_name = "assistance/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        report = coverage.build(
            coverage.counted_needs(self.request.user), self.request.LANGUAGE_CODE
        )
        return {
            "totals": report["totals"],
            "unmatched": len(report["unmatched_needs"]),
            "formats": reports.FORMATS,
            "language": views.preferred_language(self.request),
        }


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    panels.extend(dashboard.panels_for(request))
    panels.append(CoveragePanel(request))


@hooks.register("register_snippet_listing_buttons")
def stated_need_buttons(snippet, user, next_url=None):
    """Confirm or discard a need proposed from a national report, from the list of needs."""
    if not isinstance(snippet, Need) or not awaiting_decision(snippet):
        return []
    if not may_decide_stated_need(user, snippet):
        return []
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return [
        Button(
            label,
            reverse("assistance_stated_need", args=[snippet.pk, decision]) + query,
            icon_name=icon,
            priority=priority,
        )
        for decision, label, icon, priority in (
            ("confirm", _("Confirm"), "check", 10),
            ("discard", _("Discard"), "cross", 11),
        )
    ]
