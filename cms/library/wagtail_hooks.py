from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .admin_guard import (
    CountryLimitedPagesAdminAPIViewSet,
    forbidden,
    without_other_countries_drafts,
)
from .models import DocumentText, NationalReportFile, NationalReportPage, ReportingCycle
from .permissions import NO_COUNTRY, limited_to_country
from .questionnaire_views import fill_questionnaire


class ReportingCycleViewSet(SnippetViewSet):
    """The secretariat opens the cycle States file for here (one at a time)."""

    model = ReportingCycle
    icon = "date"
    list_display = ["code", "label", "year", "start_date", "venue", "is_open_for_submissions"]
    list_filter = ["meeting", "is_open_for_submissions"]
    ordering = ["year"]


register_snippet(ReportingCycleViewSet)


class DocumentTextViewSet(ModelViewSet):
    """Where the secretariat sees whether each report file could be read, and why not."""

    model = DocumentText
    icon = "doc-full-inverse"
    menu_label = _("Report text extraction")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["document", "status", "error", "page_count", "updated_at"]
    list_filter = ["status"]
    form_fields = ["status", "error"]
    inspect_view_enabled = True
    inspect_view_fields = ["document", "status", "error", "page_count", "checksum", "updated_at"]


@hooks.register("register_admin_viewset")
def register_document_text_viewset():
    return DocumentTextViewSet("report_text_extraction")


@hooks.register("register_admin_urls")
def register_print_url():
    return [
        path(
            "national-reports/<int:page_id>/print/",
            views.print_report,
            name="library_print_report",
        ),
        path(
            "national-reports/<int:page_id>/questionnaire/",
            fill_questionnaire,
            name="library_questionnaire",
        ),
    ]


class PrintDraftMenuItem(PageMenuItem):
    label = _("Print draft")
    icon_name = "doc-full"
    link_rel = "noopener"

    def is_shown(self, user):
        # A submitted (locked) report is still printed by those who write it.
        return self.page.specific_deferred.permissions_for_user(user).may_write()

    @property
    def url(self):
        return reverse("library_print_report", args=[self.page.pk])


class QuestionnaireMenuItem(PrintDraftMenuItem):
    label = _("Questionnaire")
    icon_name = "form"
    link_rel = None

    @property
    def url(self):
        return reverse("library_questionnaire", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def print_draft_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NationalReportPage):
        yield QuestionnaireMenuItem(page=page, priority=63)
        yield PrintDraftMenuItem(page=page, priority=64)


@hooks.register("register_page_listing_more_buttons")
def questionnaire_and_print_in_the_listing(page, user, next_url=None):
    """A submitted report cannot be opened in the editor, and the listing then shows its title
    without a link: its questionnaire and printable draft are reached from its row."""
    if isinstance(page.specific_deferred, NationalReportPage):
        yield QuestionnaireMenuItem(page=page, priority=3)
        yield PrintDraftMenuItem(page=page, priority=5)


@hooks.register("before_create_page")
def refuse_those_who_file_for_no_state(request, parent_page, page_class):
    """A point of contact whose profile names no State files no report. Points of contact
    who post a report for another State are answered by the form, on its country field."""
    files_for_no_state = limited_to_country(request.user) == NO_COUNTRY
    if issubclass(page_class, NationalReportPage) and files_for_no_state:
        return forbidden()


@hooks.register("before_edit_page")
def refuse_submitting_an_incomplete_report(request, page):
    """Submitting from the page editor asks what the API and the questionnaire ask."""
    if not isinstance(page, NationalReportPage) or "action-submit" not in request.POST:
        return None
    from .questionnaire.filing import refusal_to_submit

    refusal = refusal_to_submit(page)
    if refusal:
        messages.error(request, refusal)
        return redirect("library_questionnaire", page.pk)
    return None


@hooks.register("construct_explorer_page_queryset")
def hide_other_countries_drafts(parent_page, pages, request):
    return without_other_countries_drafts(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_other_countries_drafts_from_choosers(pages, request):
    return without_other_countries_drafts(pages, request.user)


@hooks.register("construct_document_chooser_queryset")
def own_country_documents_only(documents, request):
    limit = limited_to_country(request.user)
    if limit is None:
        return documents
    attached = NationalReportFile.objects.filter(page__country__code=limit).values("document_id")
    return documents.filter(Q(uploaded_by_user=request.user) | Q(pk__in=attached))


@hooks.register("construct_admin_api")
def page_api_without_other_countries_drafts(router):
    router.register_endpoint("pages", CountryLimitedPagesAdminAPIViewSet)
