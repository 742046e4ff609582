"""sitemap.xml, robots.txt and the favicon."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Page

from cms.core.languages import UN_LANGUAGE_CODES

pytestmark = pytest.mark.usefixtures("demo_site")

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_live_public_page_is_listed_in_every_language_with_absolute_urls(client):
    entries = sitemap(client)
    expected = {
        f"http://testserver{page.url}"
        for page in Page.objects.live().public().filter(depth__gt=1)
        if page.url
    }
    assert set(entries) == expected
    for code in UN_LANGUAGE_CODES:
        assert f"http://testserver/{code}/" in entries
        assert any(url.startswith(f"http://testserver/{code}/") for url in entries)


def test_each_entry_lists_its_translations_itself_and_the_default_language(client):
    entries = sitemap(client)
    home = entries["http://testserver/fr/"]
    assert home == {
        **{code: f"http://testserver/{code}/" for code in UN_LANGUAGE_CODES},
        "x-default": "http://testserver/en/",
    }
    for url, alternates in entries.items():
        assert url in alternates.values()
        assert all(href.startswith("http://testserver/") for href in alternates.values())
        assert alternates.get("x-default", "").startswith("http://testserver/en/")


def test_drafts_and_private_pages_are_left_out(client, draft_page, private_page):
    body = client.get("/sitemap.xml").content.decode()
    assert "/draft-plans/" not in body
    assert "/private/" not in body
    assert "http://testserver/en/about/" in body


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_api(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /api/v2/" in lines
    assert "Disallow: /en/search/" in lines


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/website/favicon.svg"
    icon = finders.find("website/favicon.svg")
    assert icon and Path(icon).read_text(encoding="utf-8").startswith("<svg")
    assert 'rel="icon" href="/static/website/favicon.svg"' in client.get("/en/").content.decode()
