from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

from .rich_text import CONTENTSTATE_RULE, ENTITY_TYPE, FEATURE, UNSymbolLinkHandler


@hooks.register("register_rich_text_features")
def register_un_symbol_feature(features):
    """A toolbar button that links the selected UN document symbol to undocs.org."""
    features.register_link_type(UNSymbolLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.EntityFeature(
            {
                "type": ENTITY_TYPE,
                "label": "UN",
                "description": _("UN document symbol"),
                "attributes": ["symbol"],
                "prompt": _("UN document symbol, for example A/CONF.192/15"),
                "invalid": _(
                    "%(value)s is not a UN document symbol such as A/CONF.192/BMS/2016/1."
                ),
            },
            js=["blocks/js/un-symbol.js"],
        ),
    )
    features.register_converter_rule("contentstate", FEATURE, CONTENTSTATE_RULE)
