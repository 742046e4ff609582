"""The matching engine, chosen in settings like the search backend:

POAISS_MATCHING = {
    "CLASS": "assistance.matching.engines.IndexedEngine",
    "OPTIONS": {"max_proposals": 5},
}
"""

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT = {"CLASS": "assistance.matching.engines.IndexedEngine", "OPTIONS": {}}


def get_engine():
    """A new engine instance as configured (not yet prepared with resources)."""
    config = getattr(settings, "POAISS_MATCHING", None) or DEFAULT
    return import_string(config["CLASS"])(**config.get("OPTIONS", {}))
