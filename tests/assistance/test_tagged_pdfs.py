"""The coverage report and the certificate are tagged PDFs (PDF/UA-1) that `pdftotext` reads
in logical order, Arabic included, with amounts grouped as each language writes them."""

import re
import shutil
import subprocess

import pytest
from django.utils import translation

from assistance.reports import sections
from assistance.templatetags.coverage_numbers import amount
from cms.learning.certificates import render_certificate_pdf
from cms.learning.models import Certificate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
        reason="poppler-utils (pdftotext, pdfinfo) is not installed",
    ),
]

URL = "/api/v2/assistance/coverage/"
# Bidirectional controls pdftotext adds around right-to-left runs.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def poppler(tool, data, tmp_path):
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    arguments = (
        [tool, "-enc", "UTF-8", str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    )
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def logical_text(data, tmp_path):
    return BIDI_CONTROLS.sub("", poppler("pdftotext", data, tmp_path))


def assert_tagged(data, tmp_path, language):
    info = poppler("pdfinfo", data, tmp_path)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info


def coverage_pdf(admin_client, language):
    response = admin_client.get(URL, {"format": "pdf", "locale": language})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr"])
def test_the_coverage_report_is_tagged_and_reads_in_order(admin_client, tmp_path, language):
    data = coverage_pdf(admin_client, language)
    assert_tagged(data, tmp_path, language)
    text = logical_text(data, tmp_path)
    with translation.override(language):
        titles = sections.titles()
    # The headings come out as written, letter after letter (not reversed). (Headings with
    # Arabic vowel marks are left out: pdftotext sets a mark apart from its letter.)
    for name in ("report", "subtitle", "summary"):
        assert str(titles[name]) in text, (name, text[:500])
    # Every amount is grouped: no run of five digits or more.
    assert not re.search(r"\d{5,}", text), re.findall(r"\d{5,}", text)


def test_amounts_are_grouped_in_every_language():
    assert amount(1234567.4, "en") == "1,234,567"
    assert amount(1234567, "ar") == "1,234,567"
    assert amount(1234567, "zh-hans") == "1,234,567"
    assert amount(1234567, "fr") == "1\u202f234\u202f567"
    assert amount(1234567, "ru") == "1\xa0234\xa0567"
    assert amount(1234567, "es") == "1.234.567"
    assert amount(None, "en") == ""


def test_the_arabic_certificate_is_tagged_and_reads_in_order(tmp_path):
    certificate = Certificate(
        code="ABCDEF0123456789",
        learner_name="محمد الأمين",
        course_title="الوسم وحفظ السجلات",
        language="ar",
    )
    data = render_certificate_pdf(certificate)
    assert_tagged(data, tmp_path, "ar")
    text = logical_text(data, tmp_path)
    assert "محمد الأمين" in text
    assert "الوسم وحفظ السجلات" in text
    assert "شهادة إتمام" in text
