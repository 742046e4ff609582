"""Parse money amounts, dates and time frames as people write them in project documents.

Every parser either returns a value or raises ValueError with a reason fit to show the
person who wrote the file; none of them fills in what the text does not say.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel import Locale
from babel.numbers import list_currencies
from django.utils.translation import gettext as _

CURRENCY_CODES = frozenset(list_currencies())

# Symbols and words that name one currency only. A bare "$" (US, Canadian, Australian...)
# or "¥" (yen or yuan) is refused rather than guessed.
CURRENCY_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "US dollars": "USD",
    "United States dollars": "USD",
    "€": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "CHF": "CHF",
    "Fr.": "CHF",
}

MULTIPLIERS = {
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217

    def in_usd(self, exchange_rates=None):
        """The amount in US dollars, or None when no rate for the currency is known.

        `exchange_rates` maps a currency code to the US dollars one unit buys.
        """
        if self.currency == "USD":
            return self.amount
        rate = (exchange_rates or {}).get(self.currency)
        if rate is None:
            return None
        return (self.amount * Decimal(str(rate))).quantize(CENT, rounding=ROUND_HALF_UP)


_SYMBOL_PATTERN = "|".join(
    re.escape(symbol) for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_MONEY = re.compile(
    rf"""^(?P<before>{_SYMBOL_PATTERN}|[A-Z]{{3}})?\s*
        (?P<number>{_NUMBER})\s*
        (?:(?P<multiplier>{_MULTIPLIER})\b\.?)?\s*
        (?P<after>{_SYMBOL_PATTERN}|[A-Z]{{3}})?$""",
    re.VERBOSE | re.IGNORECASE,
)


def _currency(token):
    for symbol, code in CURRENCY_SYMBOLS.items():
        if token.casefold() == symbol.casefold():
            return code
    if token.upper() in CURRENCY_CODES:
        return token.upper()
    raise ValueError(_("unknown currency %(currency)r") % {"currency": token})


def parse_money(text, default_currency=None):
    """Read "US$ 1,234,567", "USD 1.2 million", "€500,000" or "250000 CHF" into Money."""
    written = " ".join(text.split())
    if not written:
        raise ValueError(_("no amount given"))
    if re.search(r"(?<![\w.])\$", written) and not re.search(r"US\$|U\.S\.\$", written):
        raise ValueError(
            _("%(amount)r: '$' alone does not say which dollar; write US$ or USD")
            % {"amount": written}
        )
    match = _MONEY.match(written)
    if not match:
        raise ValueError(
            _("%(amount)r is not an amount such as 'US$ 1,234,567'") % {"amount": written}
        )
    before, after = match["before"], match["after"]
    if before and after:
        raise ValueError(_("%(amount)r names a currency twice") % {"amount": written})
    token = before or after
    currency = _currency(token) if token else default_currency
    if not currency:
        raise ValueError(_("%(amount)r names no currency") % {"amount": written})
    amount = Decimal(match["number"].replace(",", ""))
    if match["multiplier"]:
        amount *= MULTIPLIERS[match["multiplier"].casefold()]
    if amount == amount.to_integral():
        amount = amount.quantize(Decimal(1))
    return Money(amount, currency)


def _month_names():
    months = {}
    for language in ("en", "fr", "es"):
        names = Locale.parse(language).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in names[width].items():
                months[name.casefold().rstrip(".")] = number
    months["sept"] = 9
    return months


MONTHS = _month_names()


@dataclass(frozen=True)
class Period:
    """A stretch of time as written: its first and last day, and how precise it was."""

    start: date
    end: date


def _span(text):
    """Return (first day, last day) of a written date: a day, a month or a year."""
    written = " ".join(text.replace(",", " ").split())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        day = date.fromisoformat(written)
        return day, day
    if re.fullmatch(r"\d{4}", written):
        year = int(written)
        return date(year, 1, 1), date(year, 12, 31)
    match = re.fullmatch(r"(\d{1,2})/(\d{4})", written)
    if match:
        month, year = int(match[1]), int(match[2])
        return _month_span(year, month, text)
    tokens = written.split(" ")
    day = None
    if len(tokens) == 3 and tokens[0].isdigit():  # 12 November 2015
        day, tokens = int(tokens[0]), tokens[1:]
    elif len(tokens) == 3 and tokens[1].isdigit():  # November 12 2015
        day, tokens = int(tokens[1]), [tokens[0], tokens[2]]
    if len(tokens) == 2 and tokens[1].isdigit() and len(tokens[1]) == 4:
        month = MONTHS.get(tokens[0].casefold().rstrip("."))
        if month is None:
            raise ValueError(_("%(word)r is not a month") % {"word": tokens[0]})
        first, last = _month_span(int(tokens[1]), month, text)
        if day is None:
            return first, last
        try:
            exact = first.replace(day=day)
        except ValueError:
            raise ValueError(_("%(text)r is not a date") % {"text": text.strip()}) from None
        return exact, exact
    raise ValueError(_("%(text)r is not a date such as 'September 2013'") % {"text": text.strip()})


def _month_span(year, month, text):
    if not 1 <= month <= 12:
        raise ValueError(_("%(text)r is not a date") % {"text": text.strip()})
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


_RANGE_SEPARATOR = re.compile(r"\s+-\s+|\s*[–—]\s*|\s+(?:to|until|till)\s+|(?<=\d{4})-(?=\d{4}$)")


def parse_period(text):
    """Read "September 2013 - November 2015" (or "2013-2015", "1 May 2005 – June 2013").

    The start is the first day of what is written and the end the last day, so
    "September 2013 - November 2015" runs from 2013-09-01 to 2015-11-30.
    """
    written = " ".join(text.split())
    if not written:
        raise ValueError(_("no time frame given"))
    parts = _RANGE_SEPARATOR.split(written)
    if len(parts) != 2:
        raise ValueError(
            _("%(text)r is not a time frame such as 'September 2013 - May 2015'")
            % {"text": written}
        )
    start = _span(parts[0])[0]
    end = _span(parts[1])[1]
    if end < start:
        raise ValueError(_("%(text)r ends before it starts") % {"text": written})
    return Period(start, end)


def parse_date(value):
    """Read one calendar day: a date object, ISO 8601, or '12 November 2015'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    written = str(value).strip()
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", written):
        # 03/04/2015 means March or April depending on the country: refused.
        raise ValueError(_("%(text)r is ambiguous; write it as YYYY-MM-DD") % {"text": written})
    try:
        first, last = _span(written)
    except ValueError:
        raise ValueError(
            _("%(text)r is not a date such as 2015-11-12") % {"text": written}
        ) from None
    if first != last:
        raise ValueError(_("%(text)r is not one day; write it as YYYY-MM-DD") % {"text": written})
    return first


def parse_decimal(value):
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    written = str(value).strip()
    if "," in written and not re.fullmatch(rf"-?(?:{_NUMBER})", written):
        raise ValueError(_("%(text)r is not a number; use '.' for decimals") % {"text": written})
    try:
        number = Decimal(written.replace(",", ""))
    except InvalidOperation:
        raise ValueError(_("%(text)r is not a number") % {"text": str(value).strip()}) from None
    if not number.is_finite():
        raise ValueError(_("%(text)r is not a number") % {"text": written})
    return number
