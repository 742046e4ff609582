"""UN document symbols: validation and the public address at which each one resolves."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNDOCS_URL = "https://undocs.org/{symbol}"

# Slash-separated parts of capitals, digits, dots and hyphens, e.g. A/CONF.192/BMS/2016/1.
SYMBOL_PATTERN = re.compile(r"^[A-Z]+(?:/[A-Z0-9.\-()]+)+$")


def validate_symbol(value):
    if not SYMBOL_PATTERN.match(value):
        raise ValidationError(
            _("%(value)s is not a UN document symbol such as A/CONF.192/BMS/2016/1."),
            params={"value": value},
        )


def undocs_url(symbol):
    return UNDOCS_URL.format(symbol=symbol)
