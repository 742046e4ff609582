"""The taxonomy chooser of the admin: each term once, with a search box.

Wagtail's snippet chooser lists a translatable snippet's rows of every locale (a country six
times). This chooser lists each term once: for content in a language (the admin passes the
edited page's `locale`), that language's rows, the source row where a term lacks one; for
records, which point at source-language rows, the terms named in the admin user's language
and, once chosen, their source-language row. A search box filters by name or code.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views import chooser

from .languages import UN_LANGUAGE_CODES, source_language
from .states import active_language


class TermSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(Q(name__icontains=query) | Q(code__iexact=query))
            self.is_searching, self.search_query = True, query
        return objects


def content_language(request):
    """The language of the content being edited, when the admin says (`?locale=`)."""
    language = request.GET.get("locale")
    return language if language in UN_LANGUAGE_CODES else None


class TermListMixin:
    filter_form_class = TermSearchForm
    i18n_enabled = False  # the view picks the rows of one language itself

    def get_object_list(self):
        language = content_language(self.request) or active_language()
        return self.model_class.objects.localized(language)


class TermChooseView(TermListMixin, chooser.ChooseView):
    pass


class TermChooseResultsView(TermListMixin, chooser.ChooseResultsView):
    pass


def row_to_store(request, row):
    """The row a choice stores: the content language's, else the source language's."""
    language = content_language(request) or source_language()
    if row.locale.language_code == language:
        return row
    model = type(row)
    siblings = model.objects.filter(translation_key=row.translation_key).select_related("locale")
    rows = {sibling.locale.language_code: sibling for sibling in siblings}
    return rows.get(language) or rows.get(source_language()) or row


class TermChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return row_to_store(self.request, super().get_object(pk))


class TermChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return [row_to_store(self.request, row) for row in super().get_objects(pks)]


class TermChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = TermChooseView
    choose_results_view_class = TermChooseResultsView
    chosen_view_class = TermChosenView
    chosen_multiple_view_class = TermChosenMultipleView
    preserve_url_parameters = ["multiple", "locale"]
