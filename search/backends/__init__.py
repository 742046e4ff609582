"""The search backend is chosen by dotted path in settings.POAISS_SEARCH["BACKEND"]."""

from django.conf import settings
from django.utils.module_loading import import_string


def get_search_backend():
    config = settings.POAISS_SEARCH["BACKEND"]
    backend_class = import_string(config["CLASS"])
    return backend_class(**config.get("OPTIONS", {}))
