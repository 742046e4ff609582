import json

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import expand_db_html, features

from blocks.blocks import ParagraphBlock, UNSymbolBlock
from blocks.rich_text import PARAGRAPH_FEATURES
from cms.core.models import HomePage, SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")


def test_internal_links_in_rich_text_reach_the_api_as_urls(
    client, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="en")
    about = SectionPage.objects.get(locale__language_code="en", slug="about")
    home.body = [("paragraph", f'<p>Read <a linktype="page" id="{about.pk}">about us</a>.</p>')]
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    paragraph = data["body"][0]
    assert paragraph["type"] == "paragraph"
    assert 'href="/en/about/"' in paragraph["value"]
    assert "linktype" not in paragraph["value"]


STORED = '<p>See <a linktype="unsymbol" symbol="S/RES/2220 (2015)">resolution 2220</a>.</p>'


def test_a_symbol_link_resolves_at_undocs():
    assert expand_db_html(STORED) == (
        '<p>See <a href="https://undocs.org/S/RES/2220(2015)" class="un-symbol" dir="ltr">'
        "resolution 2220</a>.</p>"
    )


def test_a_malformed_stored_symbol_keeps_its_text_but_links_nowhere():
    html = expand_db_html('<p><a linktype="unsymbol" symbol="javascript:x">text</a></p>')
    assert html == "<p><a>text</a></p>"


def test_the_editor_keeps_symbol_links_as_entities():
    converter = ContentstateConverter(features=PARAGRAPH_FEATURES)
    contentstate = json.loads(converter.from_database_format(STORED))
    (entity,) = contentstate["entityMap"].values()
    assert entity["type"] == "UNSYMBOL"
    assert entity["data"]["symbol"] == "S/RES/2220 (2015)"
    stored = converter.to_database_format(json.dumps(contentstate))
    assert '<a linktype="unsymbol" symbol="S/RES/2220 (2015)">resolution 2220</a>' in stored


def test_the_toolbar_button_ships_its_draftail_plugin():
    plugin = features.get_editor_plugin("draftail", "unsymbol")
    assert plugin.data["type"] == "UNSYMBOL"
    assert "blocks/js/un-symbol.js" in str(plugin.media)
    assert finders.find("blocks/js/un-symbol.js")


def test_saving_a_malformed_symbol_is_refused():
    block = ParagraphBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python('<p><a linktype="unsymbol" symbol="a/71">x</a></p>'))
    assert "a/71 is not a UN document symbol" in str(error.value)
    # A valid link is kept as the editor would store it (each paragraph gets a block key).
    cleaned = block.clean(block.to_python(STORED)).source
    assert '<a linktype="unsymbol" symbol="S/RES/2220 (2015)">resolution 2220</a>' in cleaned
    assert cleaned.startswith('<p data-block-key="')


@pytest.mark.parametrize("symbol", ["A/CONF.192/15", "S/RES/2220 (2015)", "A/47/277-S/24111"])
def test_symbols_are_validated_by_one_rule(symbol):
    UNSymbolBlock().clean(symbol)
    with pytest.raises(ValidationError):
        UNSymbolBlock().clean(symbol.lower())
