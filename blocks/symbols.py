"""UN document symbols: validation and the public address at which each one resolves."""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNDOCS_URL = "https://undocs.org/{symbol}"

# Slash-separated parts of capitals, digits, dots, hyphens and parentheses, optionally followed
# by a year in parentheses: A/CONF.192/BMS/2016/1, A/47/277-S/24111, S/RES/2220 (2015). The
# UN writes revisions, addenda, corrigenda and amendments in mixed case: .../CRP.1/Rev.3.
SYMBOL_PATTERN = re.compile(
    r"^[A-Z]+(?:/(?:[A-Z0-9.\-()]+|(?:Rev|Add|Corr|Amend)\.\d+))+(?: \(\d{4}\))?$"
)


def is_symbol(value):
    return bool(SYMBOL_PATTERN.match(value or ""))


def validate_symbol(value):
    if not is_symbol(value):
        raise ValidationError(
            _("%(value)s is not a UN document symbol such as A/CONF.192/BMS/2016/1."),
            params={"value": value},
        )


def undocs_url(symbol):
    # undocs.org writes the year of a resolution without the space: S/RES/2220(2015).
    return UNDOCS_URL.format(symbol=quote(symbol.replace(" (", "("), safe="/().-"))
