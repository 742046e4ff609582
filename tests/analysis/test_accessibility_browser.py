"""axe-core in headless Chromium on the analysis as people meet it: the world overview on the
public site and the analysis screen of the admin, in English and Arabic."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.users.models import UserProfile

from cms.library.models import WorldOverviewPage

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

SERIOUS = {"serious", "critical"}
PASSWORD = "an-analyst-password"


@pytest.fixture
def site(live_server, monkeypatch):
    call_command("load_demo", "--no-admin", verbosity=0)
    overviews = {page.locale.language_code: page.url for page in WorldOverviewPage.objects.live()}
    analysts = {}
    for language in ("en", "ar"):
        user = get_user_model().objects.create_superuser(f"analyst-{language}", password=PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        analysts[language] = user.username
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, and this test makes no queries while the browser runs.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return live_server.url, overviews, analysts


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def serious_violations(axe, page):
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in SERIOUS
    ]


def test_the_world_overview_and_the_admin_analysis_have_no_serious_violations(site, browser):
    from axe_playwright_python.sync_playwright import Axe

    base, overviews, analysts = site
    axe = Axe()
    found = {}
    visitor = browser.new_page(viewport={"width": 1280, "height": 900})
    for language in ("en", "ar"):
        for query in ("", "?cycle=BMS9&region=002"):
            path = f"{overviews[language]}{query}"
            visitor.goto(f"{base}{path}")
            found[path] = serious_violations(axe, visitor)
            visitor.screenshot(path=f"/tmp/a11y/overview-{language}.png", full_page=False)

    for language, username in analysts.items():
        analyst = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        analyst.goto(f"{base}/admin/login/")
        analyst.fill("input[name=username]", username)
        analyst.fill("input[name=password]", PASSWORD)
        analyst.click("button[type=submit]")
        analyst.wait_for_url(f"{base}/admin/")
        for query in ("", "?cycle=BMS9"):
            path = f"/admin/analysis/{query}"
            analyst.goto(f"{base}{path}")
            assert analyst.locator("html").get_attribute("lang") == language
            found[f"{language} {path}"] = serious_violations(axe, analyst)
        analyst.screenshot(path=f"/tmp/a11y/admin-{language}.png", full_page=False)
    assert {path: violations for path, violations in found.items() if violations} == {}
