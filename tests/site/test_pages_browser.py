"""axe-core on the public listing, detail and country pages, in English and Arabic."""

from tests.assistance.conftest import make_need

# The frame's browser test's marks (Chromium, a committed demo) and fixtures.
from .test_browser import DESKTOP, SERIOUS, browser, pytestmark, site  # noqa: F401


def test_no_serious_accessibility_violations_on_the_pages(site, browser):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    base, _documentation = site
    need = make_need(title="Kits for marking", description="What the kits are for.")
    paths = []
    for language in ("en", "ar"):
        paths += [
            f"/{language}/needs/",
            f"/{language}/needs/{need.pk}/",
            f"/{language}/countries/",
            f"/{language}/countries/KE/",
        ]
    axe = Axe()
    found = {}
    page = browser.new_page(viewport=DESKTOP)
    for path in paths:
        page.goto(f"{base}{path}")
        assert page.get_attribute("html", "lang") == path.split("/")[1]
        violations = axe.run(page).response["violations"]
        serious = [
            (violation["id"], [node["target"] for node in violation["nodes"]][:3])
            for violation in violations
            if violation["impact"] in SERIOUS
        ]
        if serious:
            found[path] = serious
    assert found == {}
