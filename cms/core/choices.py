"""Taxonomy choices in admin forms: one entry per term, named in the admin user's language,
with a search box.

Taxonomy rows exist once per locale; records point at the source-language row. A form field
built by `one_per_term` lists those rows only, names each term in the language of the person
choosing (falling back to the source language), sorts by that name, and renders as a select
that a small script (`core/js/term-search.js`) gives a search box; without JavaScript it stays
an ordinary select.
"""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import locale_by_id
from .models.taxonomy import TaxonomyTerm
from .states import NamedInLanguageIterator

SEARCH_MEDIA = forms.Media(js=["core/js/term-search.js"])


class SearchableSelectMixin:
    """A select with a search box above it (a filter over its options)."""

    def __init__(self, attrs=None, choices=()):
        attrs = {"data-term-search": _("Type to filter the list"), **(attrs or {})}
        super().__init__(attrs, choices)

    @property
    def media(self):
        return SEARCH_MEDIA


class SearchableSelect(SearchableSelectMixin, forms.Select):
    pass


class SearchableSelectMultiple(SearchableSelectMixin, forms.SelectMultiple):
    pass


def is_term_field(field):
    queryset = getattr(field, "queryset", None)
    return isinstance(queryset, models.QuerySet) and issubclass(queryset.model, TaxonomyTerm)


def one_per_term(field, queryset=None):
    """Make a term choice field list each term once (its source-language row, or `queryset`),
    named and sorted in the active language, in a select with a search box."""
    if queryset is None:
        queryset = field.queryset.model.objects.source()
        if field.queryset.query.where:  # keep a limit the form already set (e.g. one State)
            queryset = queryset.filter(pk__in=field.queryset.values("pk"))
    field.iterator = NamedInLanguageIterator
    field.queryset = queryset
    multiple = isinstance(field, forms.ModelMultipleChoiceField)
    widget = SearchableSelectMultiple() if multiple else SearchableSelect()
    widget.choices = field.choices
    widget.is_required = field.required
    field.widget = widget
    return field


def only_choice(field, instance, message):
    """Limit a choice field to one term: preselected, and `message` when another is sent."""
    field.queryset = field.queryset.filter(pk=instance.pk) if instance else field.queryset.none()
    field.initial = instance.pk if instance else None
    field.empty_label = None
    field.error_messages["invalid_choice"] = message
    one_per_term(field, field.queryset)
    return field


def content_language(instance):
    """The language of a translatable instance (a page), or None for a record."""
    locale_id = getattr(instance, "locale_id", None)
    return locale_by_id(locale_id).language_code if locale_id else None


class TermChoicesMixin:
    """For admin model forms: every taxonomy field lists each term once, in the user's language,
    with a search box. A record chooses source-language rows; content in a language (a page)
    chooses that language's rows, the source row where a term lacks one, and keeps the rows
    it already points at."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = content_language(self.instance)
        for name, field in self.fields.items():
            if not is_term_field(field) or field.iterator is NamedInLanguageIterator:
                continue
            if language is None:
                one_per_term(field)
                continue
            model = field.queryset.model
            current = self.initial.get(name)
            if current is None or isinstance(current, (str, int)) or hasattr(current, "pk"):
                current = [current]
            current = [getattr(row, "pk", row) for row in current if row not in (None, "")]
            rows = model.objects.localized(language).values("pk")
            one_per_term(field, model.objects.filter(Q(pk__in=rows) | Q(pk__in=current)))


class TermChoicesPageForm(TermChoicesMixin, WagtailAdminPageForm):
    pass
