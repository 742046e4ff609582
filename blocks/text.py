"""Headings, paragraphs, quotes, callouts and footnotes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .rich_text import InlineRichTextBlock, RichTextBlock


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


class ParagraphBlock(RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed aside whose tone tells readers how much it matters."""

    TONES = [
        ("note", _("Note")),
        ("tip", _("Tip")),
        ("important", _("Important")),
        ("warning", _("Warning")),
    ]

    tone = blocks.ChoiceBlock(label=_("tone"), choices=TONES, default="note")
    title = blocks.CharBlock(label=_("title"), required=False)
    text = RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tone_label"] = dict(self.TONES)[value["tone"]]
        return context


class FootnotesBlock(blocks.ListBlock):
    """Numbered notes, typically citing UN documents by symbol; the text cites them as [1]."""

    def __init__(self, **kwargs):
        super().__init__(InlineRichTextBlock(label=_("note")), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Footnotes")
        template = "blocks/footnotes.html"

    def get_api_representation(self, value, context=None):
        return [
            {
                "number": number,
                "id": item.id,
                "text": self.child_block.get_api_representation(item.value, context),
            }
            for number, item in enumerate(value.bound_blocks, start=1)
        ]
