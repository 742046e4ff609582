"""Local development: debug on, a secret key of this checkout's own, mail to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or env.secret_key_file(VAR_DIR / "secret_key")  # noqa: F405
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["*"])
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The browsable API, for people exploring the API in a browser during development.
REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = [  # noqa: F405
    *REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"],  # noqa: F405
    "rest_framework.renderers.BrowsableAPIRenderer",
]
