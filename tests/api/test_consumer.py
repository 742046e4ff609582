"""The example consumer in examples/consumer/, rendered by headless Chromium against the site."""

import functools
import json
import os
import shutil
import subprocess
import threading
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.core.management import call_command

from assistance.models import Project
from cms.core.models import Country, HomePage, ThematicArea
from cms.library.models import BestPracticePage, DocumentationPage
from cms.library.models.best_practices import BestPracticeRelatedPage

CONSUMER_DIR = Path(__file__).resolve().parents[2] / "examples" / "consumer"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Virtual time waits for the page's fetches before the DOM is dumped.
    "--virtual-time-budget=20000",
]

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="Chromium is not installed (apt-get install chromium)",
    ),
    # The live server answers from another thread, so the data must be committed; the
    # serialized rollback restores what migrations created (locales, the root page).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def consumer_origin():
    """Serve the static consumer from its own origin, as an external site would be."""
    handler = functools.partial(QuietHandler, directory=str(CONSUMER_DIR))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(live_server, consumer_origin, settings):
    call_command("load_demo", "--no-admin", verbosity=0)
    settings.CORS_ALLOWED_ORIGINS = [consumer_origin]
    return live_server.url


def client_json(site, path, language):
    """What the consumer itself reads from the API."""
    with urlopen(f"{site}{path}?locale={language}") as response:  # noqa: S310 (the test server)
        return json.load(response)


def render(url, tmp_path):
    result = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert 'data-ready="true"' in result.stdout, result.stderr[-2000:]
    return result.stdout


def test_the_consumer_renders_content_in_six_languages(site, consumer_origin, tmp_path):
    for home in HomePage.objects.live().select_related("locale"):
        language = home.locale.language_code
        dom = render(f"{consumer_origin}/index.html?api={site}&locale={language}#/", tmp_path)
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in dom
        assert f"<h1>{escape(home.title, quote=False)}</h1>" in dom, dom[dom.find("<main") :][:600]
        for section in home.get_children().live():
            assert escape(section.title, quote=False) in dom
        assert 'role="alert"' not in dom


# One test for every kind of page, looping over languages: each live-server test reloads the
# demo, which costs far more than rendering.
def test_the_consumer_renders_each_kind_of_page(site, consumer_origin, tmp_path):
    check_document_and_country(site, consumer_origin, tmp_path)
    for language in ("fr", "ar"):
        check_best_practice(site, consumer_origin, tmp_path, language)
    kenya = Country.objects.get(code="KE", locale__language_code="en")
    project = Project.objects.create(
        code="KEN-MARK-01", title="Marking machines for the national police", status="pipeline"
    )
    project.focus_countries.set([kenya])
    for language in ("fr", "ar"):
        check_country_profile(site, consumer_origin, tmp_path, language)


def check_document_and_country(site, consumer_origin, tmp_path):
    report = DocumentationPage.objects.get(locale__language_code="fr", symbols__symbol="A/71/438")
    dom = render(f"{consumer_origin}/index.html?api={site}&locale=fr#/pages/{report.pk}", tmp_path)
    assert f"<h1>{escape(report.title, quote=False)}</h1>" in dom
    assert 'href="https://undocs.org/A/71/438"' in dom

    niger = Country.objects.select_related("intermediate_region").get(
        code="NE", locale__language_code="zh-hans"
    )
    dom = render(f"{consumer_origin}/index.html?api={site}&locale=zh-hans#/countries/NE", tmp_path)
    assert f"<h1>{niger.name}</h1>" in dom
    assert niger.intermediate_region.name in dom
    assert "LDC, LLDC" in dom


def text(value):
    """How Chromium serialises text in the DOM it dumps."""
    return escape(value, quote=False)


def check_best_practice(site, consumer_origin, tmp_path, language):
    english = BestPracticePage.objects.get(
        locale__language_code="en", title="Marking small arms at the time of import"
    )
    practice = BestPracticePage.objects.get(
        translation_key=english.translation_key, locale__language_code=language
    )
    related = DocumentationPage.objects.get(
        locale__language_code=language, symbols__symbol="A/71/438"
    )
    BestPracticeRelatedPage.objects.create(page=practice, related=related)
    data = client_json(site, f"/api/v2/pages/{practice.pk}/", language)

    url = f"{consumer_origin}/index.html?api={site}&locale={language}#/pages/{practice.pk}"
    dom = render(url, tmp_path)
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in dom
    assert f"<h1>{text(practice.title)}</h1>" in dom
    assert text(practice.summary) in dom
    for theme in data["themes"]:
        assert f"<li>{text(theme['name'])}</li>" in dom
    for module in data["modules"]:
        assert f'<span class="code" dir="ltr">{module["code"]}</span> {text(module["name"])}' in dom
    assert text(data["source"]["name"]) in dom
    first_heading = next(block["value"] for block in data["body"] if block["type"] == "heading")
    assert f"<h2>{text(first_heading['text'])}</h2>" in dom
    assert f'<a href="#/pages/{related.pk}">{text(related.title)}</a>' in dom
    assert 'role="alert"' not in dom


def check_country_profile(site, consumer_origin, tmp_path, language):
    profile = client_json(site, "/api/v2/countries/KE/profile/", language)
    sections = {section["name"]: section for section in profile["sections"]}

    url = f"{consumer_origin}/index.html?api={site}&locale={language}#/countries/KE"
    dom = render(url, tmp_path)
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in dom
    assert f"<h1>{text(profile['country']['name'])}</h1>" in dom
    for name in ("reports", "contacts", "needs", "projects"):
        assert f'<h2 id="section-{name}">{text(sections[name]["label"])}</h2>' in dom
    reports = sections["reports"]["data"]
    assert text(reports["timeline"][0]["title"]) in dom
    for excerpt in reports["excerpts"]:
        assert f"<h4>{text(excerpt['label'])}</h4>" in dom
    contact = sections["contacts"]["data"][0]
    assert text(contact["name"]) in dom and text(contact["scope_label"]) in dom
    assert "mailto:" not in dom, "the public gets no contact details"
    need = sections["needs"]["data"][0]
    theme = ThematicArea.objects.get(code=need["themes"][0], locale__language_code=language)
    assert text(need["title"]) in dom and text(need["status_label"]) in dom
    assert text(theme.name) in dom
    assert '<td><span dir="ltr">KEN-MARK-01</span></td>' in dom
    assert 'role="alert"' not in dom


def test_without_cors_permission_the_consumer_reports_an_error(
    live_server, consumer_origin, settings, tmp_path
):
    call_command("load_taxonomy", verbosity=0)
    settings.CORS_ALLOWED_ORIGINS = []
    dom = render(
        f"{consumer_origin}/index.html?api={live_server.url}&locale=en#/countries/NE", tmp_path
    )
    assert 'role="alert"' in dom
