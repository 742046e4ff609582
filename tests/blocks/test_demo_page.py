"""Acceptance: the demo page holding every block type is served fully translated."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from blocks.blocks import BodyBlock
from cms.core.models import Country, SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")

SLUG = "programme-of-action-at-a-glance"


@pytest.fixture
def english_page():
    return SectionPage.objects.get(slug=SLUG, locale__language_code="en")


def english_segments(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return list(source.stringsegment_set.select_related("string", "context"))


def served_texts(value):
    """Every text a client would show: strings of the JSON, tags stripped, asset metadata left out
    (image and document titles belong to the media library, not to the page)."""
    if isinstance(value, dict):
        if "renditions" in value or "file_extension" in value:
            return
        for item in value.values():
            yield from served_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from served_texts(item)
    elif isinstance(value, str):
        yield BeautifulSoup(value, "html.parser").get_text() if "<" in value else value


def test_the_page_uses_every_block_type(english_page):
    assert {block.block_type for block in english_page.body} == set(BodyBlock.base_blocks)


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_every_segment_of_the_page_is_translated(english_page, language):
    locale = Locale.objects.get(language_code=language)
    missing = [
        segment.string.data
        for segment in english_segments(english_page)
        if not StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).exists()
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_the_api_serves_the_page_with_no_english_left(client, english_page, language):
    response = client.get(f"/api/v2/pages/{english_page.pk}/", {"locale": language})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["locale"] == language
    assert data["meta"]["is_fallback"] is False

    texts = list(served_texts({"title": data["title"], "intro": data["intro"], **data}))
    english = {
        BeautifulSoup(segment.string.data, "html.parser").get_text()
        for segment in english_segments(english_page)
        if segment.context.path != "slug"
    }
    leftovers = sorted(text for text in english if any(text in served for served in texts))
    assert leftovers == []

    body = {item["type"]: item["value"] for item in data["body"]}
    colombia = Country.objects.get(code="CO", locale__language_code=language)
    assert body["country"] == {
        "id": colombia.pk,
        "code": "CO",
        "name": colombia.name,
        "locale": language,
        "is_fallback": False,
    }
    assert body["thematic_area"]["locale"] == language
    # Symbols and numbers are the same in every language.
    figures = [item["value"] for item in data["body"] if item["type"] == "key_figure"]
    assert [figure["value"] for figure in figures] == [174, 120, 39]
    assert figures[2]["source"]["url"] == "https://undocs.org/A/71/438"
    assert [row["values"][2]["symbol"] for row in body["table"]["rows"]][0] == "A/CONF.192/15"
    assert 'href="https://undocs.org/A/CONF.192/15"' in body["footnotes"][0]["text"]


def test_the_arabic_page_renders_right_to_left_with_every_block(rf, english_page):
    arabic = english_page.get_translation(Locale.objects.get(language_code="ar"))
    with translation.override("ar"):
        response = arabic.serve(rf.get("/"))
        html = response.render().content.decode()
    assert 'dir="rtl"' in html
    for fragment in (
        "<table>",
        "<details>",
        "<blockquote>",
        'class="block-key-figure"',
        'class="block-footnotes"',
        '<a href="https://undocs.org/A/CONF.192/15" class="un-symbol" dir="ltr">',
        Country.objects.get(code="CO", locale=arabic.locale).name,
    ):
        assert fragment in html
