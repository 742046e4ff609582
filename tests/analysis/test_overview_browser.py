"""The world overview page as headless Chromium draws it: a short page, with the map."""

import os
import shutil
import subprocess

import pytest
from django.core.management import call_command
from PIL import Image, ImageColor, ImageOps

from cms.analysis.labels import REPORTING_CLASSES
from cms.analysis.maps import class_colours
from cms.library.models import WorldOverviewPage

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTH = 1280
# Taller than the page should ever be, so that the screenshot holds all of it.
WINDOW_HEIGHT = 6000
# The table of every State and cycle it replaced was over 11,000 pixels tall at this width.
MOST_PIXELS = 3000

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="Chromium is not installed (apt-get install chromium)",
    ),
    # The live server answers from another thread: the demo must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screenshot(url, path, tmp_path):
    subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--window-size={WIDTH},{WINDOW_HEIGHT}",
            f"--screenshot={path}",
            url,
        ],
        capture_output=True,
        timeout=90,
        check=True,
    )
    return Image.open(path).convert("RGB")


def drawn_height(image):
    """Where the last thing drawn on the white page ends, in pixels."""
    ink = ImageOps.invert(image.convert("L")).point(lambda value: 255 if value > 8 else 0)
    return ink.getbbox()[3]


@pytest.fixture
def site(live_server):
    # The serialized rollback put back the pages and site that migrations made; the demo
    # (idempotent) sets its own again.
    call_command("load_demo", "--no-admin", verbosity=0)
    return live_server.url


def test_the_page_is_short_and_shows_the_map_in_english_and_arabic(site, tmp_path):
    for language in ("en", "ar"):
        page = WorldOverviewPage.objects.get(locale__language_code=language)
        image = screenshot(f"{site}{page.url}", tmp_path / f"{language}.png", tmp_path)
        height = drawn_height(image)
        assert 1000 < height < MOST_PIXELS, (language, height)
        # Japan reported on both instruments for RevCon4, the cycle shown: its colour is on
        # the map.
        both = ImageColor.getrgb(class_colours(REPORTING_CLASSES)["poa_iti"])
        pixels = {colour: count for count, colour in image.getcolors(WIDTH * WINDOW_HEIGHT)}
        assert pixels.get(both, 0) > 50, (language, pixels.get(both, 0))
