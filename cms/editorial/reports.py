"""The admin report of missing and out-of-date translations, with spreadsheet export."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, get_page_models

from cms.core.languages import source_language

from .translation_status import STATUS_CHOICES, summarise, translation_statuses


def can_view_translation_status(user):
    """Translators and publishers: page titles of every tree, drafts included, are listed."""
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def language_choices():
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.exclude(language_code=source_language()).order_by("pk")
    ]


def page_type_choices():
    models = sorted(get_page_models(), key=lambda model: str(model._meta.verbose_name))
    return [
        (f"{model._meta.app_label}.{model._meta.model_name}", model._meta.verbose_name)
        for model in models
        if model is not Page
    ]


class TranslationStatusFilterSet(django_filters.FilterSet):
    """Only validates the choices: the rows are computed, not a queryset to filter."""

    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, method="keep"
    )
    page_type = django_filters.ChoiceFilter(
        label=_("Page type"), choices=page_type_choices, method="keep"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="keep")

    class Meta:
        model = Page
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "editorial:translation_status"
    index_results_url_name = "editorial:translation_status_results"
    results_template_name = "editorial/reports/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    export_filename = "translation-status"
    list_export = [
        "source_title",
        "page_type",
        "language_code",
        "status_label",
        "source_changed_at",
        "translated_at",
    ]
    export_headings = {
        "source_title": _("Page"),
        "page_type": _("Page type"),
        "language_code": _("Language"),
        "status_label": _("Status"),
        "source_changed_at": _("Source published"),
        "translated_at": _("Translation published"),
    }
    columns = [
        TitleColumn("source_title", label=_("Page"), get_url=lambda row: row.source_edit_url),
        Column("page_type", label=_("Page type")),
        Column("language", label=_("Language")),
        Column("status_label", label=_("Status")),
        TitleColumn("action_label", label=_("Action"), get_url=lambda row: row.action_url),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def get_queryset(self):
        chosen = self.chosen()
        locales = Locale.objects.all()
        if chosen.get("language"):
            locales = locales.filter(language_code=chosen["language"])
        content_types = None
        if chosen.get("page_type"):
            app_label, model = chosen["page_type"].split(".")
            content_types = [ContentType.objects.get_by_natural_key(app_label, model)]
        statuses = [chosen["status"]] if chosen.get("status") else None
        return translation_statuses(locales, content_types, statuses)

    def filter_queryset(self, rows):
        return rows  # chosen filters are applied while the rows are computed

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["summary"] = self.summary_table(self.object_list)
        return context

    def summary_table(self, rows):
        """Counts per page type (rows of the table) and language (its columns)."""
        counts = summarise(rows)
        languages = [
            (code, name)
            for code, name in language_choices()
            if any(language == code for _type, language in counts)
        ]
        page_types = sorted({page_type for page_type, _language in counts})
        table = []
        for page_type in page_types:
            cells = []
            for code, _name in languages:
                cell = counts.get((page_type, code))
                cells.append(
                    {
                        "missing": cell["missing"] if cell else 0,
                        "out_of_date": cell["out_of_date"] if cell else 0,
                    }
                )
            table.append({"page_type": page_type, "cells": cells})
        return {"languages": languages, "rows": table, "total": len(rows)}


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_translation_status(request.user)
