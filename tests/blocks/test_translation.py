"""Blocks go through wagtail-localize: a PO file out, translated, back in, published."""

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.core.models import Country, ThematicArea

pytestmark = pytest.mark.usefixtures("demo_site")

TRANSLATABLE = {
    "Every block",
    "Key facts",
    'The Programme of Action (<a id="a1">A/CONF.192/15</a>) was adopted in 2001.',
    "Bars",
    "Reporting",
    "UNODA",
    "Read the report",
    "Gravely concerned",
    "The preamble",
    "Deadline",
    "Report by May.",
    "Meetings",
    "Year",
    "Meeting",
    "Outcome",
    "States",
    "Opened",
    "Report",
    "Conference on the illicit trade",
    'Adopted the Programme of Action (<a id="a1">A/CONF.192/15</a>)',
    "Video",
    "reported by 2020",
    "National reports",
    "First note.",
    'See <a id="a1">A/CONF.192/15</a>.',
    "Questions",
    "Who reports?",
    "States do.",
}
NEVER_OFFERED = {"A/CONF.192/15", "A/CONF.192/BMS/2016/1", "174", "2001", "warning", "h2", "CO"}


@pytest.fixture
def french_po(page_with_every_block):
    source, _created = TranslationSource.get_or_create_from_instance(page_with_every_block)
    french = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    return french, french.export_po()


def test_the_po_file_offers_the_text_of_every_block_and_nothing_else(french_po):
    _translation, po = french_po
    msgids = {entry.msgid for entry in po}
    assert msgids - {"every-block"} == TRANSLATABLE
    assert not msgids & NEVER_OFFERED


def test_a_filled_po_file_comes_back_as_a_translated_page(
    page_with_every_block, french_po, django_capture_on_commit_callbacks
):
    french, po = french_po
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgid == "every-block" else f"FR {entry.msgid}"
    french.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        french.save_target(publish=True)
    page = page_with_every_block.get_translation(french.target_locale)

    body = {block.block_type: block.value for block in page.body}
    assert body["heading"]["text"] == "FR Key facts"
    assert body["heading"]["level"] == "h2"
    # The symbol link keeps its linktype and symbol through the PO file.
    assert body["paragraph"].source == (
        '<p>FR The Programme of Action (<a linktype="unsymbol" symbol="A/CONF.192/15">'
        "A/CONF.192/15</a>) was adopted in 2001.</p>"
    )
    assert (body["image"]["alt_text"], body["image"]["credit"]) == ("FR Bars", "FR UNODA")
    assert body["document"]["label"] == "FR Read the report"
    assert body["quote"]["attribution"] == "FR The preamble"
    assert body["callout"]["tone"] == "warning"
    assert body["callout"]["text"].source == "<p>FR Report by May.</p>"
    table = body["table"]
    assert table.caption == "FR Meetings"
    assert [column["heading"] for column in table.columns][:2] == ["FR Year", "FR Meeting"]
    (row,) = table.row_data
    year, meeting, outcome, number, opened, symbol = row["values"]
    assert (year, meeting, symbol) == (2001, "FR Conference on the illicit trade", "A/CONF.192/15")
    assert 'symbol="A/CONF.192/15"' in outcome.source and "FR Adopted" in outcome.source
    assert (str(number), opened.isoformat()) == ("174.50", "2001-07-09")
    assert body["embed"]["caption"] == "FR Video"
    assert body["key_figure"]["unit"] == "FR States"
    assert body["key_figure"]["source_symbol"] == "A/CONF.192/BMS/2016/1"
    assert [note.source for note in body["footnotes"]][0] == "<p>FR First note.</p>"
    # References point at the French rows of the taxonomy.
    assert body["country"] == Country.objects.get(code="CO", locale__language_code="fr")
    assert body["thematic_area"] == ThematicArea.objects.get(
        code="tracing", locale__language_code="fr"
    )
    assert body["accordion"]["items"][0]["question"] == "FR Who reports?"

    with translation.override("fr"):
        html = page.body.render_as_block()
    assert '<a href="https://undocs.org/A/CONF.192/15" class="un-symbol" dir="ltr">' in html
    assert "FR Who reports?" in html


def test_the_translation_editor_opens_a_page_with_every_block(client, django_user_model, french_po):
    french, po = french_po
    for entry in po:
        entry.msgstr = f"FR {entry.msgid}"
    french.import_po(po)
    french.save_target(publish=False)
    page = french.source.get_source_instance().get_translation(french.target_locale)
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "FR Conference on the illicit trade" in response.content.decode()
