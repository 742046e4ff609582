"""Production settings plus a stock Wagtail pages endpoint to compare against."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
