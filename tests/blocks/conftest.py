from decimal import Decimal

import pytest
from django.core.files.images import ImageFile
from wagtail.documents.models import Document
from wagtail.embeds.blocks import EmbedValue
from wagtail.images.models import Image
from wagtail.models import Collection

from blocks.demo import DATA_DIR
from cms.core.models import Country, HomePage, SectionPage, ThematicArea

SYMBOL_LINK = '<a linktype="unsymbol" symbol="A/CONF.192/15">A/CONF.192/15</a>'


@pytest.fixture
def image(db):
    with (DATA_DIR / "reporting-at-a-glance.png").open("rb") as handle:
        image = Image(title="Reporting chart", description="A bar chart")
        image.file = ImageFile(handle, name="reporting-chart.png")
        image.save()
    return image


@pytest.fixture
def document(db):
    document = Document(title="A/71/438", collection=Collection.get_first_root_node())
    with (DATA_DIR / "a-71-438.txt").open("rb") as handle:
        from django.core.files import File

        document.file = File(handle, name="a-71-438.txt")
        document.save()
    return document


def table(caption="Meetings"):
    return {
        "caption": caption,
        "columns": [
            {"type": "year", "heading": "Year"},
            {"type": "text", "heading": "Meeting"},
            {"type": "rich_text", "heading": "Outcome"},
            {"type": "number", "heading": "States"},
            {"type": "date", "heading": "Opened"},
            {"type": "symbol", "heading": "Report"},
        ],
        "rows": [
            {
                "values": [
                    2001,
                    "Conference on the illicit trade",
                    f"<p>Adopted the Programme of Action ({SYMBOL_LINK})</p>",
                    "174.50",
                    "2001-07-09",
                    "A/CONF.192/15",
                ]
            }
        ],
    }


def every_block(image, document):
    colombia = Country.objects.get(code="CO", locale__language_code="en")
    tracing = ThematicArea.objects.get(code="tracing", locale__language_code="en")
    return [
        ("heading", {"text": "Key facts", "level": "h2"}),
        ("paragraph", f"<p>The Programme of Action ({SYMBOL_LINK}) was adopted in 2001.</p>"),
        ("image", {"image": image, "alt_text": "Bars", "caption": "Reporting", "credit": "UNODA"}),
        ("document", {"document": document, "label": "Read the report"}),
        ("quote", {"text": "Gravely concerned", "attribution": "The preamble"}),
        ("callout", {"tone": "warning", "title": "Deadline", "text": "<p>Report by May.</p>"}),
        ("table", table()),
        ("embed", {"url": EmbedValue("https://www.youtube.com/watch?v=abc"), "caption": "Video"}),
        (
            "key_figure",
            {
                "value": Decimal("174"),
                "unit": "States",
                "label": "reported by 2020",
                "source": "National reports",
                "source_symbol": "A/CONF.192/BMS/2016/1",
            },
        ),
        ("footnotes", ["<p>First note.</p>", f"<p>See {SYMBOL_LINK}.</p>"]),
        ("country", colombia),
        ("thematic_area", tracing),
        (
            "accordion",
            {
                "heading": "Questions",
                "items": [{"question": "Who reports?", "answer": "<p>States do.</p>"}],
            },
        ),
    ]


@pytest.fixture
def page_with_every_block(demo_site, image, document, django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    page = SectionPage(title="Every block", slug="every-block", body=every_block(image, document))
    home.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page
