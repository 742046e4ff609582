"""Test runs: the same configuration as dev, with fast password hashing and no debug."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = SECRET_KEY or "test-only-insecure-key"  # noqa: F405
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# The embedded default's file cache, in a directory of this test process alone: tests never
# read a running server's answers, and parallel test processes never read each other's.
if not REDIS_URL:  # noqa: F405
    _cache_dir = Path(tempfile.mkdtemp(prefix="poaiss-test-cache-"))  # noqa: F405
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
    for _name, _cache in CACHES.items():  # noqa: F405
        _cache["LOCATION"] = str(_cache_dir / _name)
