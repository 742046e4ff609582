"""The pieces of the printed analysis: one question's figures, tables and maps, made for WeasyPrint.

`report_pdf` assembles them into the document; each piece carries its texts already
translated and its numbers already formatted for the reader's language.
"""

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.core.instruments import Instrument
from cms.library.questionnaire.answers import STATUS_LABELS, STATUS_VALUES

from . import charts, maps, pictures, tables
from .figures import SMALL_BASE
from .labels import ANSWER_LABELS, number, percent

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
STATUS_TYPE = "yes_no_in_development"
# In `tables.answer_table`: the name, the States of the set and the reports come first.
STATUS_COLUMNS_START = 3
# Marks a table row whose figures rest on fewer than SMALL_BASE reports.
SMALL_BASE_MARK = "†"


@dataclass
class LegendEntry:
    label: str
    colour: str
    hatched: bool = False


@dataclass
class PrintedMap:
    picture: str  # the map alone, without legend or disclaimer
    legend: list  # LegendEntry
    disclaimer: str


@dataclass
class PrintedRow:
    cells: list
    small_base: bool
    kind: str  # "total", "area" or "group"


@dataclass
class PrintedTable:
    caption: str
    columns: list
    rows: list  # PrintedRow

    @property
    def has_small_base(self):
        return any(row.small_base for row in self.rows)


@dataclass
class QuestionPart:
    anchor: str
    code: str
    reference: str  # the instrument and paragraph the question implements
    text: str
    base: str  # how many reports the figures rest on
    small_base: bool
    key_figures: list  # one sentence per answer, e.g. "Yes: 4 of 6 reports (67%)"
    table: PrintedTable
    chart: str
    map: PrintedMap | None = None


def small_base_note():
    return _(
        "Fewer than %(minimum)s reports: the shares describe the States that reported, "
        "not all States."
    ) % {"minimum": SMALL_BASE}


def base_sentence(reported, language):
    return ngettext(
        "Based on %(count)s published report.",
        "Based on %(count)s published reports.",
        reported,
    ) % {"count": number(reported, language)}


def merged_paths(svg):
    """The same picture with the paths of each group that share a fill drawn as one path.

    WeasyPrint paints every SVG element on its own, and a hatch pattern once per element
    that uses it: a world map of some 250 paths took 0.8 s of CPU and 117 KB of PDF. One
    path per fill draws the same shapes and borders (each sub-path is stroked alike) in
    0.55 s and 72 KB. Tooltips, which paper cannot show, go with the merged elements.
    """
    ET.register_namespace("", SVG_NAMESPACE)
    root = ET.fromstring(svg)
    path_tag = f"{{{SVG_NAMESPACE}}}path"
    for group in root.iter(f"{{{SVG_NAMESPACE}}}g"):
        outlines = {}
        for child in list(group):
            if child.tag == path_tag and child.get("d"):
                outlines.setdefault(child.get("fill"), []).append(child.get("d"))
                group.remove(child)
        for fill, outline in outlines.items():
            merged = ET.SubElement(group, path_tag, {"d": "".join(outline)})
            if fill is not None:
                merged.set("fill", fill)
    return ET.tostring(root, encoding="unicode")


def as_image(svg):
    """The SVG as an image of the page, described by its own title and description.

    An image, not inline SVG: WeasyPrint then leaves the picture's thousands of elements
    out of the page's style cascade and layout, and the tagged PDF gets a figure whose
    alternative text is the picture's description (a chart's values in words).
    """
    root = ET.fromstring(svg)
    alternative = " ".join(
        " ".join((node.text or "").split())
        for node in (root.find(f"{{{SVG_NAMESPACE}}}title"), root.find(f"{{{SVG_NAMESPACE}}}desc"))
        if node is not None and node.text
    )
    data = base64.b64encode(str(svg).encode("utf-8")).decode("ascii")
    return format_html('<img src="data:image/svg+xml;base64,{}" alt="{}">', data, alternative)


def map_legend(classes, ordered):
    """The legend of a map as HTML draws it: the map's colours, its hatching, its labels."""
    colours = maps.class_colours(classes, ordered)
    entries = [
        LegendEntry(
            label=item.label,
            colour=colours[item.key],
            hatched=item.key in maps.HATCHED_CLASSES,
        )
        for item in classes
    ]
    entries.append(LegendEntry(label=str(maps.NOT_COVERED_LABEL), colour=maps.NOT_COVERED_COLOUR))
    return entries


def printed_map(areas, classes, *, title, language, description="", ordered=False):
    """A world map for the PDF, its legend and the UN disclaimer set as text of the page.

    Drawn inside the SVG they would be too small to read once the map is scaled to the page
    (the disclaimer under 5 points), and WeasyPrint draws SVG text glyph by glyph, which
    leaves Arabic vowel marks on dotted circles.
    """
    svg = maps.render_world_map(
        areas,
        classes,
        title=title,
        language=language,
        description=description,
        ordered=ordered,
        captions=False,
    )
    return PrintedMap(
        picture=as_image(merged_paths(svg)),
        legend=map_legend(classes, ordered),
        disclaimer=str(maps.DISCLAIMER),
    )


def with_shares_paired(columns, rows):
    """A status table with each answer's count and share in one column: "4 (67%)".

    `tables.answer_table` gives them a column each, as a spreadsheet wants; on an A4 page
    twelve columns leave the region names a few letters wide.
    """
    first, last = STATUS_COLUMNS_START, STATUS_COLUMNS_START + 2 * len(STATUS_VALUES)
    paired_columns = columns[:first] + columns[first:last:2] + columns[last:]
    paired_rows = []
    for cells in rows:
        pairs = [
            _("%(count)s (%(share)s)") % {"count": count, "share": share} if share else count
            for count, share in zip(cells[first:last:2], cells[first + 1 : last : 2], strict=True)
        ]
        paired_rows.append(cells[:first] + pairs + cells[last:])
    return paired_columns, paired_rows


def printed_table(table, tallies, caption="", shares_paired=False):
    """A table of `tables` with each row's base flagged; `tallies` are (Tally, kind) by row."""
    columns, cells = table.columns, table.rows
    if shares_paired:
        columns, cells = with_shares_paired(columns, cells)
    rows = [
        PrintedRow(cells=row, small_base=tally.small_base, kind=kind)
        for row, (tally, kind) in zip(cells, tallies, strict=True)
    ]
    return PrintedTable(caption=caption or table.title, columns=columns, rows=rows)


def key_figures(question, tally, language):
    """The sentences that say the question's figures in words, for the whole scope."""
    if not tally.reported:
        return [_("No published report speaks to this question in this cycle.")]
    if question.answer_type == STATUS_TYPE:
        sentences = [
            _("%(answer)s: %(count)s of %(reported)s reports (%(share)s)")
            % {
                "answer": STATUS_LABELS[status],
                "count": number(tally.counts[status], language),
                "reported": number(tally.reported, language),
                "share": percent(tally.share(status), language),
            }
            for status in STATUS_VALUES
        ]
        if tally.not_answered:
            sentences.append(
                _("%(answer)s: %(count)s of %(reported)s reports (%(share)s)")
                % {
                    "answer": ANSWER_LABELS["not_answered"],
                    "count": number(tally.not_answered, language),
                    "reported": number(tally.reported, language),
                    "share": percent(tally.not_answered / tally.reported, language),
                }
            )
        return sentences
    if question.answer_type == "list":
        # A list is counted by its entries (laws, procedures, ...): how many each State names.
        if not tally.numbers:
            return [_("None of the reports lists an entry.")]
        return [
            _(
                "Entries listed: %(total)s in all; median: %(median)s per report; "
                "from %(answers)s of %(reported)s reports."
            )
            % {
                "total": number(tally.total, language),
                "median": number(tally.median, language),
                "answers": number(len(tally.numbers), language),
                "reported": number(tally.reported, language),
            }
        ]
    if not tally.numbers:
        return [_("None of the reports gives a number.")]
    return [
        _("Total: %(total)s; median: %(median)s; from %(answers)s of %(reported)s reports.")
        % {
            "total": number(tally.total, language),
            "median": number(tally.median, language),
            "answers": number(len(tally.numbers), language),
            "reported": number(tally.reported, language),
        }
    ]


def reference(question):
    instrument = Instrument(question.instrument).label if question.instrument else ""
    return " · ".join(str(part) for part in (instrument, question.paragraph) if part)


def question_part(figures, states, scope_name, language, with_map):
    """Everything the document prints about one question in one cycle."""
    question = figures.question
    text = question.text_in(language)
    tallies = [(figures.total, "total")]
    tallies += [(tally, "area") for tally in figures.areas]
    tallies += [(tally, "group") for tally in figures.groups]
    chart = pictures.answer_chart(figures, scope_name, text, language, show_title=False)
    part = QuestionPart(
        anchor=f"question-{question.code}",
        code=question.code,
        reference=reference(question),
        text=text,
        base=base_sentence(figures.total.reported, language),
        small_base=figures.total.small_base,
        key_figures=key_figures(question, figures.total, language),
        table=printed_table(
            tables.answer_table(figures, scope_name, language),
            tallies,
            caption=_("By region and group of States"),
            shares_paired=question.answer_type == STATUS_TYPE,
        ),
        chart=as_image(charts.for_weasyprint(chart)),
    )
    if with_map:
        areas, classes, ordered = pictures.answer_map_classes(figures, states, language)
        part.map = printed_map(
            areas, classes, title=text, language=language, description=part.base, ordered=ordered
        )
    return part
