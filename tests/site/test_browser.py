"""The frame as a visitor meets it: headless Chromium against a live server.

Keyboard, search box, language switcher and layout at 360 px and desktop width, in English
and Arabic; then axe-core on the main kinds of page. The live server answers from another
thread, so the demo is committed (transactional database), as in the overview's browser test.
"""

import os
import shutil

import pytest
from django.core.management import call_command

from cms.library.models import DocumentationPage

CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SERIOUS = {"serious", "critical"}


@pytest.fixture
def site(live_server, monkeypatch):
    call_command("load_demo", "--no-admin", verbosity=0)
    documentation = {
        page.locale.language_code: page.url
        for page in DocumentationPage.objects.live().filter(
            translation_key=DocumentationPage.objects.live().first().translation_key
        )
    }
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, and this test makes no queries while the browser runs.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return live_server.url, documentation


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def focused(page):
    return page.evaluate(
        "() => ({id: document.activeElement.id, cls: document.activeElement.className,"
        " href: document.activeElement.getAttribute('href'),"
        " top: document.activeElement.getBoundingClientRect().top})"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_keyboard_search_and_language_switch(site, browser, language, tmp_path):
    base, documentation = site
    page = browser.new_page(viewport=DESKTOP)
    # The Content-Security-Policy must let the frame's own stylesheet and icon through.
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security" in message.text else None
        ),
    )
    page.goto(f"{base}/{language}/")
    assert page.evaluate("() => getComputedStyle(document.body).marginTop") == "0px"
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")

    # The first Tab shows the skip link; following it puts focus on the main content.
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["cls"] == "skip-link" and first["href"] == "#main" and first["top"] >= 0
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    # The header's search box leads to the results page, in the same language.
    page.fill("#site-search-q", "marking" if language == "en" else "الوسم")
    page.press("#site-search-q", "Enter")
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/{language}/search/?q=")
    assert page.locator("ol.results > li").count() > 0

    # The language switcher keeps the page.
    other = "ar" if language == "en" else "en"
    page.goto(f"{base}{documentation[language]}")
    page.click(f"nav.languages a[hreflang='{other}']")
    page.wait_for_load_state()
    assert page.url == f"{base}{documentation[other]}"
    assert page.get_attribute("html", "lang") == other
    assert refused == []


def test_arabic_layout_at_phone_and_desktop_width(site, browser, tmp_path):
    base, documentation = site
    shots = os.environ.get("SITE_SCREENSHOTS_DIR") or tmp_path
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}{documentation['ar']}")
        # Nothing wider than the screen: no sideways scrolling at 360 px.
        width = page.evaluate("() => document.documentElement.scrollWidth")
        wider = page.evaluate(
            "() => [...document.querySelectorAll('body *')].filter(element => {"
            " const box = element.getBoundingClientRect();"
            " return box.left < -1 || box.right > innerWidth + 1 })"
            ".slice(0, 5).map(element => element.tagName + '.' + element.className)"
        )
        assert width <= viewport["width"], (name, width, wider)
        # Right to left: the site's name starts at the right-hand edge.
        box = page.locator(".site-name").bounding_box()
        assert box["x"] + box["width"] > viewport["width"] * 0.6, (name, box)
        font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
        assert "Noto Naskh Arabic" in font
        page.screenshot(path=os.path.join(shots, f"ar-{name}.png"), full_page=True)
        page.close()


def test_no_serious_accessibility_violations(site, browser):
    from axe_playwright_python.sync_playwright import Axe

    base, documentation = site
    axe = Axe()
    pages = []
    for language in ("en", "ar"):
        pages += [
            f"/{language}/",
            documentation[language],
            f"/{language}/search/?q={'marking' if language == 'en' else 'الوسم'}",
            f"/{language}/no-such-page/",
        ]
    found = {}
    page = browser.new_page(viewport=DESKTOP)
    for path in pages:
        page.goto(f"{base}{path}")
        violations = axe.run(page).response["violations"]
        serious = [
            (violation["id"], [node["target"] for node in violation["nodes"]][:3])
            for violation in violations
            if violation["impact"] in SERIOUS
        ]
        if serious:
            found[path] = serious
    assert found == {}
