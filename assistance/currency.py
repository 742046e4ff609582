"""Budgets in many currencies, compared in US dollars.

Rates come from `data/exchange_rates.yaml` (units per US dollar, in the order of the UN
operational rates of exchange); the POAISS_EXCHANGE_RATES setting, a mapping of ISO 4217
codes to units per dollar, replaces them when set.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RATES_FILE = Path(__file__).parent / "data" / "exchange_rates.yaml"
CENT = Decimal("0.01")


@cache
def _file_rates():
    data = yaml.safe_load(RATES_FILE.read_text(encoding="utf-8"))
    return {code: Decimal(str(rate)) for code, rate in data["rates"].items()}


def rates():
    configured = getattr(settings, "POAISS_EXCHANGE_RATES", None)
    if configured:
        return {code: Decimal(str(rate)) for code, rate in configured.items()}
    return _file_rates()


def currency_choices():
    return [(code, code) for code in sorted(rates())]


def validate_currency(code):
    if code not in rates():
        raise ValidationError(
            _("Unknown currency %(code)s; use an ISO 4217 code such as USD or EUR."),
            params={"code": code},
            code="currency",
        )


def to_usd(amount, currency):
    """The amount in US dollars, rounded to the cent; None stays None."""
    if amount is None:
        return None
    validate_currency(currency)
    return (Decimal(amount) / rates()[currency]).quantize(CENT, rounding=ROUND_HALF_UP)
