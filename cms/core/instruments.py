"""The two instruments States report on and appoint points of contact for.

One vocabulary for the whole suite, so that a national report, a member of the network and
an entry of the contacts directory say "both instruments" the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Instrument(models.TextChoices):
    POA = "poa", _("Programme of Action")
    ITI = "iti", _("International Tracing Instrument")
    BOTH = "poa_iti", _("Programme of Action and International Tracing Instrument")
