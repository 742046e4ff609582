"""Amounts as each language writes them, with Babel (CLDR): grouped digits in every language
("1,234,568" in Arabic and Chinese, "1 234 568" in French and Russian, "1.234.568" in
Spanish), which Django's own number formats leave out for Arabic and Chinese."""

from babel.numbers import format_decimal
from django import template

from cms.core.languages import BABEL_LOCALES

register = template.Library()


@register.filter
def amount(value, language):
    """A whole amount in `language`'s digits and grouping; "" for no value."""
    if value is None or value == "":
        return ""
    return format_decimal(round(value), format="#,##0", locale=BABEL_LOCALES[language])
