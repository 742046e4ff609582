"""Rich text whose API form is front-end HTML, and the "UN document symbol" link type.

A symbol link is stored as ``<a linktype="unsymbol" symbol="A/CONF.192/15">A/CONF.192/15</a>``:
the symbol, not the address, so the address can follow undocs.org and translations of the
text keep the link (wagtail-localize carries the attributes of ``<a>`` through a PO file
untouched; translators only see ``<a id="a1">``). On output the link becomes
``<a href="https://undocs.org/A/CONF.192/15" class="un-symbol" dir="ltr">``.
"""

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from draftjs_exporter.dom import DOM
from wagtail import blocks
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.rich_text import LinkHandler, RichText, expand_db_html

from .sanitize import clean_rich_text, through_editor
from .symbols import is_symbol, undocs_url, validate_symbol

FEATURE = "unsymbol"
LINKTYPE = "unsymbol"
ENTITY_TYPE = "UNSYMBOL"

# Paragraph text; notes, captions and answers use the inline subset.
PARAGRAPH_FEATURES = [
    "bold",
    "italic",
    "h3",
    "h4",
    "ol",
    "ul",
    "link",
    "document-link",
    FEATURE,
]
INLINE_FEATURES = ["bold", "italic", "link", "document-link", FEATURE]


class UNSymbolLinkHandler(LinkHandler):
    identifier = LINKTYPE

    @staticmethod
    def expand_db_attributes(attrs):
        symbol = attrs.get("symbol", "")
        if not is_symbol(symbol):
            return "<a>"  # a malformed symbol keeps its text but links nowhere
        return f'<a href="{escape(undocs_url(symbol))}" class="un-symbol" dir="ltr">'


def symbol_link_entity(props):
    """Contentstate entity -> database HTML."""
    return DOM.create_element(
        "a", {"linktype": LINKTYPE, "symbol": props.get("symbol", "")}, props["children"]
    )


class SymbolLinkElementHandler(LinkElementHandler):
    """Database HTML -> contentstate entity."""

    def get_attribute_data(self, attrs):
        symbol = attrs.get("symbol", "")
        return {"symbol": symbol, "url": undocs_url(symbol) if is_symbol(symbol) else ""}


CONTENTSTATE_RULE = {
    "from_database_format": {f'a[linktype="{LINKTYPE}"]': SymbolLinkElementHandler(ENTITY_TYPE)},
    "to_database_format": {"entity_decorators": {ENTITY_TYPE: symbol_link_entity}},
}


def symbols_in(html):
    soup = BeautifulSoup(html or "", "html.parser")
    return [link.get("symbol", "") for link in soup.find_all("a", attrs={"linktype": LINKTYPE})]


def validate_symbol_links(html):
    errors = []
    for symbol in symbols_in(html):
        try:
            validate_symbol(symbol)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose API form is front-end HTML: page, document and symbol links resolved.

    Values are sanitised whenever they are read or written (see `blocks.sanitize`), and
    validation reduces input to what the editor would store for this block's features.
    """

    def __init__(self, features=None, validators=(), **kwargs):
        super().__init__(
            features=PARAGRAPH_FEATURES if features is None else features,
            validators=[*validators, validate_symbol_links],
            **kwargs,
        )

    def to_python(self, value):
        return RichText(clean_rich_text(value))

    def get_prep_value(self, value):
        source = value.source if isinstance(value, RichText) else value
        return clean_rich_text(source)

    def normalize(self, value):
        source = value.source if isinstance(value, RichText) else value
        return RichText(clean_rich_text(source and str(source)))

    def clean(self, value):
        source = value.source if isinstance(value, RichText) else value
        return super().clean(RichText(through_editor(clean_rich_text(source), self.features)))

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""


class InlineRichTextBlock(RichTextBlock):
    def __init__(self, features=None, **kwargs):
        super().__init__(features=INLINE_FEATURES if features is None else features, **kwargs)

    class Meta:
        label = _("Text")
