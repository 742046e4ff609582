"""The sections of the national report template, as StreamField blocks.

Each section appears at most once in a report. Narrative sections are rich text; the
legislation list, the SDG 16.4.2 figures and the assistance needs are structured, so that
country profiles and the assistance component can read them without parsing prose.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from blocks.blocks import RichTextBlock

SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def narrative(label):
    return RichTextBlock(label=label, features=SECTION_FEATURES)


class LawBlock(blocks.StructBlock):
    original_title = blocks.CharBlock(label=_("original title"))
    english_title = blocks.CharBlock(label=_("English title"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)
    date = blocks.DateBlock(label=_("date"), required=False)
    link = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Law or regulation")


class Sdg1642Block(blocks.StructBlock):
    """Data for SDG indicator 16.4.2 (seized, found or surrendered arms whose origin was traced)."""

    year = blocks.IntegerBlock(label=_("year"), min_value=2000, max_value=2100)
    seized = blocks.IntegerBlock(
        label=_("arms seized, found or surrendered"), min_value=0, required=False
    )
    traced = blocks.IntegerBlock(
        label=_("arms whose illicit origin was traced"), min_value=0, required=False
    )
    notes = blocks.TextBlock(label=_("notes"), required=False)

    class Meta:
        icon = "table"
        label = _("SDG 16.4.2 data")


class AssistanceNeedBlock(blocks.StructBlock):
    thematic_area = SnippetChooserBlock("core.ThematicArea", label=_("thematic area"))
    assistance_form = SnippetChooserBlock("core.AssistanceForm", label=_("form of assistance"))
    description = blocks.TextBlock(label=_("description"))

    class Meta:
        icon = "help"
        label = _("Assistance need")

    def get_api_representation(self, value, context=None):
        return {
            "thematic_area": term_reference(value.get("thematic_area")),
            "assistance_form": term_reference(value.get("assistance_form")),
            "description": value.get("description", ""),
        }


def term_reference(term):
    return {"code": term.code, "name": term.name} if term else None


class InternationalAssistanceBlock(blocks.StructBlock):
    narrative = RichTextBlock(label=_("narrative"), features=SECTION_FEATURES, required=False)
    needs = blocks.ListBlock(AssistanceNeedBlock(), label=_("assistance needs"), default=[])

    class Meta:
        icon = "group"
        label = _("International cooperation and assistance")


# (block name, label) in the order of the reporting template.
NARRATIVE_SECTIONS = [
    ("executive_summary", _("Executive summary")),
    ("national_coordination", _("National coordination agency")),
    ("stockpile_management", _("Stockpile management")),
    ("surplus_collection_destruction", _("Surplus, collection and destruction")),
    ("marking_record_keeping_tracing", _("Marking, record-keeping and tracing")),
    ("brokering", _("Brokering")),
    ("export_controls", _("Export controls")),
    ("ddr", _("Disarmament, demobilization and reintegration")),
    ("border_control", _("Border control")),
    ("public_awareness", _("Public awareness")),
    ("regional_cooperation", _("Regional cooperation")),
    ("gender", _("Gender")),
    ("diversion", _("Diversion")),
]

LEGISLATION_LABEL = _("Legislation, regulations and administrative procedures")


class ReportSectionsBlock(blocks.StreamBlock):
    executive_summary = narrative(_("Executive summary"))
    national_coordination = narrative(_("National coordination agency"))
    legislation = blocks.ListBlock(LawBlock(), label=LEGISLATION_LABEL, icon="doc-full")
    stockpile_management = narrative(_("Stockpile management"))
    surplus_collection_destruction = narrative(_("Surplus, collection and destruction"))
    marking_record_keeping_tracing = narrative(_("Marking, record-keeping and tracing"))
    brokering = narrative(_("Brokering"))
    export_controls = narrative(_("Export controls"))
    ddr = narrative(_("Disarmament, demobilization and reintegration"))
    border_control = narrative(_("Border control"))
    public_awareness = narrative(_("Public awareness"))
    regional_cooperation = narrative(_("Regional cooperation"))
    gender = narrative(_("Gender"))
    diversion = narrative(_("Diversion"))
    sdg_16_4_2 = Sdg1642Block()
    international_assistance = InternationalAssistanceBlock()

    class Meta:
        label = _("Report sections")
        block_counts = {
            name: {"max_num": 1}
            for name in [
                *(name for name, _label in NARRATIVE_SECTIONS),
                "legislation",
                "sdg_16_4_2",
                "international_assistance",
            ]
        }


SECTION_ORDER = [
    "executive_summary",
    "national_coordination",
    "legislation",
    *(name for name, _label in NARRATIVE_SECTIONS[2:]),
    "sdg_16_4_2",
    "international_assistance",
]


def section_label(name):
    return ReportSectionsBlock.base_blocks[name].label
