"""The JSON form of every block, as the pages API serves it."""

import pytest
from django.conf import settings

from cms.core.models import Country, HomePage, SectionPage, ThematicArea

pytestmark = pytest.mark.usefixtures("demo_site")


def body(client, page, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()["body"]


def by_type(items):
    return {item["type"]: item["value"] for item in items}


def test_each_block_has_a_stable_type_name(client, page_with_every_block):
    types = [item["type"] for item in body(client, page_with_every_block)]
    assert types == [
        "heading",
        "paragraph",
        "image",
        "document",
        "quote",
        "callout",
        "table",
        "embed",
        "key_figure",
        "footnotes",
        "country",
        "thematic_area",
        "accordion",
    ]


def test_symbols_in_rich_text_become_undocs_links(client, page_with_every_block):
    values = by_type(body(client, page_with_every_block))
    assert values["paragraph"] == (
        '<p>The Programme of Action (<a href="https://undocs.org/A/CONF.192/15" '
        'class="un-symbol" dir="ltr">A/CONF.192/15</a>) was adopted in 2001.</p>'
    )
    assert "linktype" not in str(values)


def test_images_are_served_as_renditions_with_alt_text(client, page_with_every_block, image):
    value = by_type(body(client, page_with_every_block))["image"]
    assert value["alt_text"] == "Bars"
    assert (value["caption"], value["credit"]) == ("Reporting", "UNODA")
    served = value["image"]
    assert (served["id"], served["width"], served["height"]) == (image.pk, 960, 540)
    assert set(served["renditions"]) == {"thumbnail", "medium", "large"}
    thumbnail = served["renditions"]["thumbnail"]
    assert (thumbnail["width"], thumbnail["height"]) == (400, 225)
    assert thumbnail["url"].startswith(f"{settings.WAGTAILAPI_BASE_URL}/media/images/")
    assert served["renditions"]["medium"]["width"] == 800


def test_an_image_without_alt_text_falls_back_to_its_description(
    client, image, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="en")
    page = SectionPage(
        title="Chart", slug="chart", body=[("image", {"image": image, "alt_text": ""})]
    )
    home.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert by_type(body(client, page))["image"]["alt_text"] == "A bar chart"


def test_documents_figures_tables_and_notes_are_plain_data(client, page_with_every_block, document):
    values = by_type(body(client, page_with_every_block))
    assert values["document"] == {
        "document": {
            "id": document.pk,
            "title": "A/71/438",
            "url": f"{settings.WAGTAILAPI_BASE_URL}{document.url}",
            "file_extension": "txt",
            "file_size": document.file_size,
        },
        "label": "Read the report",
    }
    assert values["key_figure"] == {
        "value": 174,
        "unit": "States",
        "label": "reported by 2020",
        "source": {
            "text": "National reports",
            "symbol": "A/CONF.192/BMS/2016/1",
            "url": "https://undocs.org/A/CONF.192/BMS/2016/1",
        },
    }
    table = values["table"]
    assert table["caption"] == "Meetings"
    assert [column["type"] for column in table["columns"]] == [
        "year",
        "text",
        "rich_text",
        "number",
        "date",
        "symbol",
    ]
    year, meeting, outcome, number, opened, symbol = table["rows"][0]["values"]
    assert (year, meeting, number, opened) == (
        2001,
        "Conference on the illicit trade",
        174.5,
        "2001-07-09",
    )
    assert 'href="https://undocs.org/A/CONF.192/15"' in outcome
    assert symbol == {"symbol": "A/CONF.192/15", "url": "https://undocs.org/A/CONF.192/15"}
    assert [note["number"] for note in values["footnotes"]] == [1, 2]
    assert values["footnotes"][0]["text"] == "<p>First note.</p>"
    assert values["callout"] == {
        "tone": "warning",
        "title": "Deadline",
        "text": "<p>Report by May.</p>",
    }
    assert values["accordion"] == {
        "heading": "Questions",
        "items": [{"question": "Who reports?", "answer": "<p>States do.</p>"}],
    }
    # The API never reaches out to a provider: without a cached embed there is only the address.
    assert values["embed"] == {
        "url": "https://www.youtube.com/watch?v=abc",
        "caption": "Video",
        "embed": None,
    }


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_references_are_named_in_the_requested_language(client, page_with_every_block, language):
    values = by_type(body(client, page_with_every_block, locale=language))
    country = Country.objects.get(code="CO", locale__language_code=language)
    assert values["country"] == {
        "id": country.pk,
        "code": "CO",
        "name": country.name,
        "locale": language,
        "is_fallback": False,
    }
    area = ThematicArea.objects.get(code="tracing", locale__language_code=language)
    assert (values["thematic_area"]["id"], values["thematic_area"]["name"]) == (area.pk, area.name)


def test_a_term_not_yet_translated_falls_back_to_english_and_says_so(
    client, image, document, django_capture_on_commit_callbacks
):
    english = ThematicArea.objects.get(code="tracing", locale__language_code="en")
    area = ThematicArea.objects.create(
        code="weapons-and-ammunition-management",
        name="Weapons and ammunition management",
        locale=english.locale,
    )
    home = HomePage.objects.get(locale__language_code="en")
    page = SectionPage(title="New area", slug="new-area", body=[("thematic_area", area)])
    home.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    value = by_type(body(client, page, locale="ru"))["thematic_area"]
    assert value == {
        "id": area.pk,
        "code": "weapons-and-ammunition-management",
        "name": "Weapons and ammunition management",
        "locale": "en",
        "is_fallback": True,
    }


def test_every_block_renders_as_html(rf, page_with_every_block):
    response = page_with_every_block.serve(rf.get("/"))
    html = response.render().content.decode()
    for fragment in (
        "<h2>Key facts</h2>",
        'alt="Bars"',
        ">Read the report</a>",
        "<blockquote>",
        'class="block-callout block-callout--warning"',
        "<caption>Meetings</caption>",
        'href="https://www.youtube.com/watch?v=abc"',
        "<bdi>174</bdi>",
        '<li id="note-2">',
        "Colombia",
        "Tracing",
        "<summary>Who reports?</summary>",
    ):
        assert fragment in html
