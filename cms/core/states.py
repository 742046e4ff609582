"""The States that report, for the checks and admin forms of every component.

Only the UN Member States and the non-member observer States report on the Programme of
Action (`Country.objects.reporting_states()`): they file national reports, have national
points of contact and state assistance needs. Territories stay in the country taxonomy for
everything else.
"""

import unicodedata

from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils import translation
from django.utils.translation import gettext as _

from .languages import UN_LANGUAGE_CODES, source_language


def not_a_reporting_state(country):
    """The refusal of a territory where only a State may be named."""
    return _(
        "%(country)s is not a State that reports on the Programme of Action: only the UN "
        "Member States and the non-member observer States do."
    ) % {"country": country.name}


def active_language():
    """The UN language of the request (the admin user's language), else the source language."""
    language = (translation.get_language() or "").lower()
    if language in UN_LANGUAGE_CODES:
        return language
    prefix = language.split("-")[0]
    return prefix if prefix in UN_LANGUAGE_CODES else source_language()


def name_sort_key(name):
    """Sort names as a reader expects: case and accents do not change the order."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class NamedInLanguageIterator(ModelChoiceIterator):
    """The field's terms, named in the active language and sorted by that name.

    The rows chosen may be in any locale (records point at source-language rows, pages at
    their own locale's): each is named by its code in the language of the person choosing.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = list(self.queryset)
        names = self.queryset.model.objects.names(active_language(), [row.code for row in rows])
        choices = [
            (
                ModelChoiceIteratorValue(self.field.prepare_value(row), row),
                names.get(row.code, row.name),
            )
            for row in rows
        ]
        yield from sorted(choices, key=lambda choice: name_sort_key(choice[1]))


def limit_to_reporting_states(field, queryset):
    """Make a country choice field list `queryset`'s reporting States, one per State, named
    and sorted in the active language, in a select with a search box (the snippet chooser
    would list every country in every locale)."""
    from .choices import one_per_term

    return one_per_term(field, queryset.reporting_states())


def named_in_language(field):
    """Name and sort a term choice field's choices in the active language, with a search box."""
    from .choices import one_per_term

    return one_per_term(field, field.queryset)
