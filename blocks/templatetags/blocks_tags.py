from django import template
from wagtail.models import Locale

from blocks import symbols

register = template.Library()


@register.filter
def undocs_url(symbol):
    return symbols.undocs_url(symbol)


@register.simple_tag
def localized(term):
    """The term in the language being rendered, else as stored."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return term
    if term.locale_id == locale.pk:
        return term
    return term.get_translation_or_none(locale) or term
