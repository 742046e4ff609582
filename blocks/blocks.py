"""The StreamField block library shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"))
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


RICH_TEXT_FEATURES = ["bold", "italic", "h2", "h3", "h4", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose API form is front-end HTML: internal page and document links resolved."""

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    quote = QuoteBlock()

    class Meta:
        label = _("Body")
