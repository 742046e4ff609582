"""A point of contact cannot plant script in a report for the secretariat or the public.

The attack: rich-text sections patched through the API with script, event handlers and
javascript: links, then read by the secretariat in the admin's print view during review, on
the published page and through the API. Whatever was stored before sanitising existed is
cleaned by the data migration, and is harmless when read even before it runs.
"""

import json
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from wagtail.models import Revision

from blocks.sanitize import clean_stored_rich_text
from cms.library.models import NationalReportPage

from .conftest import token_header

pytestmark = pytest.mark.usefixtures("demo_site")

URL = "/api/v2/national-reports/"
PAYLOADS = [
    "<p>Coordination<script>alert(1)</script></p>",
    "<p>Marking <img src=x onerror=alert(2)></p>",
    '<p><a href="javascript:alert(3)">Our law</a></p>',
    "<p>Stocks <svg onload=alert(4)></svg></p>",
    '<p><a href="https://www.un.org" onclick="alert(5)">UN</a></p>',
    '<p><iframe src="javascript:alert(6)"></iframe>Borders</p>',
]
SECTIONS = [
    "executive_summary",
    "national_coordination",
    "brokering",
    "stockpile_management",
    "export_controls",
    "border_control",
]
# A script of the site's own (a static file) is fine; any other is planted.
PLANTED_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=\"/static/)")
DANGEROUS = ["onerror", "javascript:", "<svg", "onload", "onclick", "<iframe", "alert("]


def attack_sections():
    sections = [
        {"type": name, "value": payload} for name, payload in zip(SECTIONS, PAYLOADS, strict=True)
    ]
    sections.append(
        {"type": "international_assistance", "value": {"narrative": PAYLOADS[0], "needs": []}}
    )
    return sections


def assert_harmless(text):
    found = [marker for marker in DANGEROUS if marker in text]
    found += PLANTED_SCRIPT.findall(text)
    assert not found, found


@pytest.fixture
def planted(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    response = client.patch(
        f"{URL}{report.pk}/",
        {"sections": attack_sections()},
        content_type="application/json",
        **token_header(npc_fr),
    )
    assert response.status_code == 200, response.json()
    report.refresh_from_db()  # the API saved a new revision
    return report, response


def test_the_api_stores_and_answers_only_clean_rich_text(planted):
    report, response = planted
    assert_harmless(json.dumps(response.json()["sections"]))
    stored = report.get_latest_revision()
    assert "Coordination" in json.dumps(stored.content)
    assert_harmless(json.dumps(stored.content))
    # What is harmless is kept: the text, the safe link and the section structure.
    text = json.dumps(response.json()["sections"])
    for words in ("Coordination", "Marking", "Our law", "Stocks", "Borders"):
        assert words in text
    assert 'href=\\"https://www.un.org\\"' in text


def test_the_secretariats_print_view_runs_no_planted_script(planted, admin_user):
    report, _response = planted
    secretariat = Client()
    secretariat.force_login(admin_user)
    page = secretariat.get(f"/admin/national-reports/{report.pk}/print/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Coordination" in html
    assert_harmless(html)
    assert "script-src 'self'" in page["Content-Security-Policy"]


def test_the_published_report_runs_no_planted_script(planted, client):
    report, _response = planted
    report.get_latest_revision().publish()
    report.refresh_from_db()

    public = client.get(report.url)
    assert public.status_code == 200
    assert "Coordination" in public.content.decode()
    assert_harmless(public.content.decode())
    assert "script-src 'self'" in public["Content-Security-Policy"]

    api = client.get(f"/api/v2/pages/{report.pk}/?fields=sections")
    assert api.status_code == 200
    assert_harmless(api.content.decode())


def write_raw_sections(report, sections):
    """Store sections as a database holding pre-sanitising content would hold them."""
    table = NationalReportPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET sections = %s WHERE page_ptr_id = %s",
            [json.dumps(sections), report.pk],
        )


def read_raw_sections(report):
    table = NationalReportPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT sections FROM {table} WHERE page_ptr_id = %s", [report.pk])
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else json.dumps(value)


def test_legacy_content_is_harmless_when_read_and_cleaned_by_the_migration(make_report, client):
    report = make_report("FR", publish=True)
    legacy = [{"type": "brokering", "value": PAYLOADS[1], "id": "legacy-block-1"}]
    write_raw_sections(report, legacy)
    revision = report.get_latest_revision()
    Revision.objects.filter(pk=revision.pk).update(
        content={**revision.content, "sections": json.dumps(legacy)}
    )
    assert "onerror" in read_raw_sections(report)

    # Read before the migration has run: already clean.
    loaded = NationalReportPage.objects.get(pk=report.pk)
    assert_harmless(str(loaded.sections[0].value))
    assert_harmless(client.get(loaded.url).content.decode())

    clean_stored_rich_text(apps, "library")

    stored = read_raw_sections(report)
    assert_harmless(stored)
    assert "Marking" in stored
    draft = Revision.objects.get(pk=revision.pk).content["sections"]
    assert_harmless(draft)
    assert "Marking" in draft
