"""Key figures, tables and accordions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

from .localize import CodeBlock, TranslatableTableMixin
from .rich_text import InlineRichTextBlock, RichTextBlock
from .symbols import undocs_url, validate_symbol


def plain_number(value):
    """A Decimal as the JSON number a reader expects: 174, not "174.00"."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


class NumberBlock(blocks.DecimalBlock):
    def get_api_representation(self, value, context=None):
        return plain_number(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["number"] = plain_number(value)
        return context

    def render_basic(self, value, context=None):
        return "" if value is None else str(plain_number(value))


class UNSymbolBlock(CodeBlock):
    """A UN document symbol, the same in every language, linked to undocs.org."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(validators=[validate_symbol], **kwargs)

    class Meta:
        icon = "doc-full"
        label = _("UN document symbol")
        template = "blocks/symbol.html"

    def get_api_representation(self, value, context=None):
        return {"symbol": value, "url": undocs_url(value)} if value else None


class KeyFigureBlock(blocks.StructBlock):
    value = NumberBlock(label=_("value"), decimal_places=2, max_digits=20)
    unit = blocks.CharBlock(
        label=_("unit"), required=False, help_text=_("For example States, projects or US$.")
    )
    label = blocks.CharBlock(label=_("label"))
    source = blocks.CharBlock(label=_("source"), required=False)
    source_symbol = UNSymbolBlock(label=_("source document symbol"), required=False)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "blocks/key_figure.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["number"] = plain_number(value["value"])
        return context

    def get_api_representation(self, value, context=None):
        symbol = value["source_symbol"]
        return {
            "value": plain_number(value["value"]),
            "unit": value["unit"],
            "label": value["label"],
            "source": {
                "text": value["source"],
                "symbol": symbol or "",
                "url": undocs_url(symbol) if symbol else "",
            },
        }


class TableBlock(TranslatableTableMixin, TypedTableBlock):
    """A table whose columns each hold one kind of value; text cells are translated."""

    text = blocks.CharBlock(label=_("Text"))
    number = NumberBlock(label=_("Number"), decimal_places=2, max_digits=20)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1900, max_value=2100)
    date = blocks.DateBlock(label=_("Date"))
    rich_text = InlineRichTextBlock(label=_("Rich text"))
    symbol = UNSymbolBlock(label=_("UN document symbol"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question or title"))
    answer = RichTextBlock(label=_("answer or content"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers (FAQ) or any list of collapsible sections."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion or FAQ")
        template = "blocks/accordion.html"
