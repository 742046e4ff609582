"""The test configuration without the optional apps: the advisory network and e-learning.

Used by tests/test_plugins.py, in a subprocess, to show the rest of the suite runs without
them. Settings that name the dropped apps' code directly go with them.
"""

from cms.settings.test import *  # noqa: F403

OPTIONAL_APPS = ("cms.network", "cms.learning")


def from_optional_app(dotted_path):
    return dotted_path.startswith(tuple(f"{app}." for app in OPTIONAL_APPS))


INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in OPTIONAL_APPS]  # noqa: F405
CELERY_BEAT_SCHEDULE = {
    name: entry
    for name, entry in CELERY_BEAT_SCHEDULE.items()  # noqa: F405
    if not from_optional_app(entry["task"])
}
