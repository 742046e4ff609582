"""The example consumer in examples/consumer/, rendered by headless Chromium against the site."""

import functools
import os
import shutil
import subprocess
import threading
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command

from cms.core.models import Country, HomePage
from cms.library.models import DocumentationPage

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


def test_the_consumer_renders_a_document_and_a_country(site, consumer_origin, tmp_path):
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


def test_without_cors_permission_the_consumer_reports_an_error(
    live_server, consumer_origin, settings, tmp_path
):
    call_command("load_taxonomy", verbosity=0)
    settings.CORS_ALLOWED_ORIGINS = []
    dom = render(
        f"{consumer_origin}/index.html?api={live_server.url}&locale=en#/countries/NE", tmp_path
    )
    assert 'role="alert"' in dom
