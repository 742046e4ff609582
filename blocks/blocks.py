"""The StreamField block library shared by every page type, composed into one body.

The names in BodyBlock are the `type` of each item in the API; they never change.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .media import DocumentLinkBlock, ImageBlock, MediaEmbedBlock
from .references import CountryReferenceBlock, ThematicAreaReferenceBlock
from .rich_text import PARAGRAPH_FEATURES, InlineRichTextBlock, RichTextBlock
from .structure import AccordionBlock, KeyFigureBlock, TableBlock, UNSymbolBlock
from .text import CalloutBlock, FootnotesBlock, HeadingBlock, ParagraphBlock, QuoteBlock

RICH_TEXT_FEATURES = PARAGRAPH_FEATURES


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    table = TableBlock()
    embed = MediaEmbedBlock()
    key_figure = KeyFigureBlock()
    footnotes = FootnotesBlock()
    country = CountryReferenceBlock()
    thematic_area = ThematicAreaReferenceBlock()
    accordion = AccordionBlock()

    class Meta:
        label = _("Body")


__all__ = [
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "BodyBlock",
    "CalloutBlock",
    "CountryReferenceBlock",
    "DocumentLinkBlock",
    "FootnotesBlock",
    "HeadingBlock",
    "ImageBlock",
    "InlineRichTextBlock",
    "KeyFigureBlock",
    "MediaEmbedBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RichTextBlock",
    "TableBlock",
    "ThematicAreaReferenceBlock",
    "UNSymbolBlock",
]
