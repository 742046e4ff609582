"""Answer 403 Forbidden when a national point of contact reaches for another country's report.

Wagtail's admin turns a refused permission into a redirect to the dashboard. For the admin
views of one page (`/admin/pages/<id>/` and below), this guard answers a plain 403 instead
when the page is a national report of a country the user does not represent, and hands every
other request to Wagtail's own view unchanged. Everywhere the admin lists pages by title for
a national point of contact (the page search, the site history, the admin's own page API),
other countries' draft reports are left out.

A submitted report is locked until the secretariat reopens it. Those who write it would get
Wagtail's bare "no permission" from its editor; they are shown its questionnaire instead,
read-only, with a warning saying when it was submitted and who can reopen it. Others who may
use the admin but not write reports (editors and reviewers of a language, publishers) are
told why instead, in the reports' folder.
"""

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import get_resolver
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import PageLogEntry

from .models import NationalReportPage
from .permissions import limited_to_country, may_handle_country
from .questionnaire.filing import locked_message

# The page views a lock refuses to those who write the report (see locked_report_notice).
VIEWS_REFUSED_BY_THE_LOCK = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:delete",
}


def forbidden():
    return HttpResponseForbidden(
        _("You may only handle the national reports of the country you represent."),
        content_type="text/plain; charset=utf-8",
    )


def report_out_of_bounds(user, page_id):
    if limited_to_country(user) is None:
        return False
    country_code = (
        NationalReportPage.objects.filter(pk=page_id)
        .values_list("country__code", flat=True)
        .first()
    )
    return country_code is not None and not may_handle_country(user, country_code)


def refused_report_of(request, page_id, view_name):
    """The report `page_id` when the user may not write it at all (not only while locked)."""
    if view_name not in VIEWS_REFUSED_BY_THE_LOCK or not request.user.is_authenticated:
        return None
    if not request.accepts("text/html"):
        return None
    report = NationalReportPage.objects.filter(pk=page_id).first()
    if report is None or report.permissions_for_user(request.user).may_write():
        return None
    return report


@require_admin_access
def not_a_report_writer_notice(request, report):
    messages.error(
        request,
        _(
            "National reports are written by the national points of contact of their State "
            "and by the secretariat; you may not change this one."
        ),
    )
    return redirect("wagtailadmin_explore", report.get_parent().pk)


def locked_report_of(request, page_id, view_name):
    """The report `page_id` when the lock is all that keeps the user out of `view_name`."""
    if view_name not in VIEWS_REFUSED_BY_THE_LOCK or not request.user.is_authenticated:
        return None
    # Wagtail's scripts ask for JSON and handle its refusal themselves.
    if not request.accepts("text/html"):
        return None
    report = NationalReportPage.objects.filter(pk=page_id).select_related("country").first()
    if report is None:
        return None
    permissions = report.permissions_for_user(request.user)
    return report if permissions.locked and permissions.may_write() else None


@require_admin_access  # signed in to the admin, and answered in the user's admin language
def locked_report_notice(request, report):
    messages.warning(request, locked_message(report, request.user))
    return redirect("library_questionnaire", report.pk)


def page_admin_view(request, page_id, rest=""):
    if report_out_of_bounds(request.user, page_id):
        return forbidden()
    match = get_resolver("wagtail.admin.urls").resolve(f"/pages/{page_id}/{rest}")
    request.resolver_match = match
    locked = locked_report_of(request, page_id, match.view_name)
    if locked is not None:
        return locked_report_notice(request, locked)
    refused = refused_report_of(request, page_id, match.view_name)
    if refused is not None:
        return not_a_report_writer_notice(request, refused)
    return match.func(request, *match.args, **match.kwargs)


def without_other_countries_drafts(pages, user):
    limit = limited_to_country(user)
    if limit is None:
        return pages
    others = NationalReportPage.objects.exclude(country__code=limit).filter(live=False)
    return pages.exclude(pk__in=others.values("pk"))


class CountryLimitedPageSearchView(SearchView):
    """Wagtail's page search lists every page a user may explore, other countries' draft
    reports included: for a national point of contact those are taken out, also from the
    per-type counts Wagtail computes on `all_pages`."""

    def annotate_queryset(self, pages):
        user = self.request.user
        self.all_pages = without_other_countries_drafts(self.all_pages, user)
        return super().annotate_queryset(without_other_countries_drafts(pages, user))


class CountryLimitedSiteHistoryView(LogEntriesView):
    """The site history, without the entries of other countries' draft reports."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is PageLogEntry and limited_to_country(self.request.user) is not None:
            hidden = NationalReportPage.objects.exclude(
                pk__in=without_other_countries_drafts(
                    NationalReportPage.objects.all(), self.request.user
                ).values("pk")
            )
            queryset = queryset.exclude(page_id__in=hidden.values("pk"))
        return queryset


class CountryLimitedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin's page API (explorer menu, choosers), without other countries' drafts."""

    def get_base_queryset(self):
        return without_other_countries_drafts(super().get_base_queryset(), self.request.user)


search_pages = CountryLimitedPageSearchView.as_view()
search_page_results = CountryLimitedPageSearchView.as_view(results_only=True)


site_history = CountryLimitedSiteHistoryView.as_view()
site_history_results = CountryLimitedSiteHistoryView.as_view(results_only=True)


def page_search_view(request, rest=""):
    match = get_resolver("wagtail.admin.urls").resolve(f"/pages/search/{rest}")
    request.resolver_match = match
    if limited_to_country(request.user) is None:
        return match.func(request, *match.args, **match.kwargs)
    view = search_page_results if match.url_name == "search_results" else search_pages
    return view(request, *match.args, **match.kwargs)
