"""Words and numbers of the analysis in the reader's language."""

from babel.numbers import format_decimal, format_percent
from django.utils.translation import gettext_lazy as _

from cms.core.languages import BABEL_LOCALES
from cms.library.overview import STATUS_LABELS as REPORTING_LABELS
from cms.library.questionnaire.answers import STATUS_LABELS, STATUS_VALUES

from .figures import NOT_ANSWERED, NOT_REPORTED

ANSWER_CLASSES = [*STATUS_VALUES, NOT_ANSWERED, NOT_REPORTED]
ANSWER_LABELS = {
    **STATUS_LABELS,
    NOT_ANSWERED: _("Reported, not answered"),
    NOT_REPORTED: _("No report"),
}
REPORTING_CLASSES = list(REPORTING_LABELS)


def babel_locale(language):
    return BABEL_LOCALES.get(language, "en")


def percent(share, language):
    """A share as the language writes percentages, or an empty text for no share."""
    if share is None:
        return ""
    return format_percent(share, locale=babel_locale(language))


def number(value, language):
    if value is None:
        return ""
    return format_decimal(value, locale=babel_locale(language), format="#,##0.##")


def answer_label(value, language):
    """The label of one State's answer: a status, a number, or why there is none."""
    if value in (NOT_ANSWERED, NOT_REPORTED):
        return str(ANSWER_LABELS[value])
    status, amount = value
    return str(STATUS_LABELS[status]) if status else number(amount, language)
