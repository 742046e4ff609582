"""World maps of the figures, drawn server-side as standalone SVG.

The geometry is `data/world_map.json` (Natural Earth through world-atlas, Equal Earth
projection; see `data/README.md`), built by `manage.py build_world_map`. The SVG has no
script, no external font or stylesheet: it is shown inline in pages, served by the API as
`image/svg+xml` and drawn into PDFs by WeasyPrint.

Every area of the geometry is drawn. The States of `areas` are filled by their class; the
others (territories, Antarctica, States outside the figure) are light grey. Reporting States
too small to see at this scale, or missing from the geometry, get a marker at their label
point so that each of the 195 stays visible.
"""

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from cms.core.languages import is_right_to_left
from cms.core.reference_data import read_membership

from .charts.style import NEUTRAL_GREY
from .charts.style import class_colours as chart_colours

MAP_FILE = Path(__file__).parent / "data" / "world_map.json"

# Projected area (px² of the 1000-wide viewBox) under which a State also gets a marker:
# about 13,000 km² on Equal Earth, below which a State is a speck of a few pixels.
MARKER_AREA = 10.0
MARKER_RADIUS = 3.5

FONT_FAMILY = "'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans CJK SC', sans-serif"
TEXT_COLOUR = "#333333"
SEA_COLOUR = "#f4f8fb"
OUTLINE_COLOUR = "#c8d3dc"
# Land that is not part of the figure: territories, Antarctica, States left out.
NOT_COVERED_COLOUR = "#e4e4e4"
# Classes that are not a value: a neutral grey, hatched so that it never reads as one.
HATCHED_CLASSES = ("not_reported", "no_data")
HATCH_COLOUR = "#d2d2d2"
HATCH_LINE_COLOUR = "#8f8f8f"
# A report that does not answer the question: neutral too, but told apart from no report.
NEUTRAL_COLOURS = {"not_answered": NEUTRAL_GREY}

# Viridis (van der Walt and Smith, matplotlib), from dark to light: perceptually uniform,
# readable with colour-vision deficiencies and in grey.
VIRIDIS = (
    "#440154",
    "#472C7A",
    "#3B528B",
    "#2C728E",
    "#21918C",
    "#28AE80",
    "#5EC962",
    "#ADDC30",
    "#FDE725",
)

# Layout of the band under the map, in viewBox units.
PADDING = 16
LEGEND_GAP = 10
ROW_HEIGHT = 18
SWATCH = 12
FONT_SIZE = 12
SMALL_PRINT_SIZE = 9
ONE_COLUMN_ENTRIES = 3

# The UN's disclaimer on boundaries, under every map; and the legend entry of the land that
# the figure leaves out. Pages that set a map's captions as their own text use these too.
DISCLAIMER = gettext_lazy(
    "The boundaries and names shown and the designations used on this map do not "
    "imply official endorsement or acceptance by the United Nations."
)
NOT_COVERED_LABEL = gettext_lazy("Not covered by this figure")

# Characters that XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class MapClass:
    key: str  # e.g. "yes", "no", "not_reported", "range-1"
    label: str  # the legend label, already translated (counts included by the caller)


@dataclass(frozen=True)
class MapArea:
    code: str  # ISO 3166-1 alpha-2
    name: str  # the State's name in the requested language
    klass: str  # the key of one MapClass
    value_label: str = ""  # e.g. "Yes" or "62 %", shown in the tooltip


@lru_cache(maxsize=1)
def world_map():
    """The geometry, read once per process."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def reporting_states():
    return frozenset(read_membership())


def needs_marker(code):
    """Whether a reporting State is too small to see (or has no geometry) on the map."""
    area = world_map()["areas"].get(code)
    return area is not None and (not area["d"] or area["area"] < MARKER_AREA)


def _interpolate(stops, position):
    """The colour at `position` (0 to 1) along the colour stops, as #RRGGBB."""
    scaled = position * (len(stops) - 1)
    low = min(int(scaled), len(stops) - 2)
    weight = scaled - low
    channels = [
        round(int(a, 16) * (1 - weight) + int(b, 16) * weight)
        for a, b in zip(
            (stops[low][1:3], stops[low][3:5], stops[low][5:7]),
            (stops[low + 1][1:3], stops[low + 1][3:5], stops[low + 1][5:7]),
            strict=True,
        )
    ]
    return "#" + "".join(f"{channel:02X}" for channel in channels)


def class_colours(classes, ordered=False):
    """{class key: #RRGGBB}: the fill of each class, for the map and for HTML legends.

    Unordered classes take the charts' Okabe-Ito colours (fixed for the answer classes);
    ordered classes (low to high) run along viridis from light to dark. Hatched classes
    (`HATCHED_CLASSES`) get the hatch's background grey and `NEUTRAL_COLOURS` their grey;
    neither takes a place in the sequence.
    """
    keys = [getattr(item, "key", item) for item in classes]
    values = [key for key in keys if key not in HATCHED_CLASSES and key not in NEUTRAL_COLOURS]
    if ordered:
        # The lightest end is left out: pale yellow is too close to the greys on white.
        last = max(len(values) - 1, 1)
        palette = [_interpolate(VIRIDIS, 0.9 - 0.8 * i / last) for i in range(len(values))]
        if len(values) == 1:
            palette = [_interpolate(VIRIDIS, 0.5)]
        colours = dict(zip(values, palette, strict=True))
    else:
        # The charts' colours: an answer reads the same on the map and in the bars.
        colours = chart_colours(values)
    for key in keys:
        if key in HATCHED_CLASSES:
            colours[key] = HATCH_COLOUR
        elif key in NEUTRAL_COLOURS:
            colours[key] = NEUTRAL_COLOURS[key]
    return colours


def _text(value):
    """Text content or attribute value, escaped for XML."""
    text = _NOT_XML.sub("", str(value))
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _fill(key, colours, hatch_id):
    return f"url(#{hatch_id})" if key in HATCHED_CLASSES else colours[key]


def _tooltip(area):
    if not area.value_label:
        return area.name
    return gettext("%(name)s: %(value)s") % {"name": area.name, "value": area.value_label}


def _shapes(areas, colours, hatch_id):
    """The paths of every area of the geometry, then the markers of the small States."""
    geometry = world_map()
    by_code = {area.code: area for area in areas}
    paths, markers = [], []
    for code, shape in geometry["areas"].items():
        area = by_code.get(code)
        if area is None:
            attributes = f'fill="{NOT_COVERED_COLOUR}" data-code="{_text(code)}"'
            content = ""
        else:
            fill = _fill(area.klass, colours, hatch_id)
            attributes = f'fill="{fill}" data-code="{_text(code)}" data-class="{_text(area.klass)}"'
            content = f"<title>{_text(_tooltip(area))}</title>"
        if shape["d"]:
            paths.append(f'<path d="{shape["d"]}" {attributes}>{content}</path>')
        if code in reporting_states() and needs_marker(code):
            if area is not None and area.klass in HATCHED_CLASSES:
                # A hatch does not show in a dot: its grey does.
                attributes = attributes.replace(f"url(#{hatch_id})", HATCH_COLOUR)
            x, y = shape["label"]
            markers.append(
                f'<circle cx="{x}" cy="{y}" r="{MARKER_RADIUS}" {attributes}>{content}</circle>'
            )
    others = "".join(f'<path d="{other["d"]}"/>' for other in geometry["unassigned"])
    return (
        f'<g stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round" fill-rule="evenodd">'
        f'<g fill="{NOT_COVERED_COLOUR}">{others}</g>{"".join(paths)}</g>'
        f'<g stroke="{TEXT_COLOUR}" stroke-width="0.6">{"".join(markers)}</g>'
    )


def _legend(entries, top, width, rtl):
    """Swatches and labels in one or two columns, from the start edge of the language."""
    columns = 1 if len(entries) <= ONE_COLUMN_ENTRIES else 2
    rows = math.ceil(len(entries) / columns)
    column_width = (width - 2 * PADDING) / 2
    items = []
    for index, (fill, label) in enumerate(entries):
        column, row = divmod(index, rows)
        y = top + row * ROW_HEIGHT
        offset = PADDING + column * column_width
        if rtl:
            # Mirrored: swatch at the right, text running leftwards from it. With
            # direction="rtl", "start" is the right end of the text.
            swatch_x = width - offset - SWATCH
            text = f'x="{swatch_x - 6:g}" direction="rtl" text-anchor="start"'
        else:
            swatch_x = offset
            text = f'x="{swatch_x + SWATCH + 6:g}" text-anchor="start"'
        items.append(
            f'<rect x="{swatch_x:g}" y="{y:g}" width="{SWATCH}" height="{SWATCH}" '
            f'fill="{fill}" stroke="#9a9a9a" stroke-width="0.5"/>'
            f'<text {text} y="{y + SWATCH - 1.5:g}">{_text(label)}</text>'
        )
    return "".join(items), rows * ROW_HEIGHT


def _ids(areas, classes, title, language):
    """Element ids that differ between two maps on one page, and are stable for one map."""
    content = repr((str(title), language, sorted(map(repr, areas)), list(map(repr, classes))))
    return "world-map-" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]


def render_world_map(
    areas, classes, *, title, language, description="", ordered=False, captions=True
) -> str:
    """The standalone SVG world map of `areas` (MapArea), coloured by `classes` (MapClass).

    `classes` are listed in the legend in their order; with `ordered` they are read as
    going from low to high. Texts are escaped; the legend is mirrored in right-to-left
    languages. Without `captions` the legend and the disclaimer are left to the page around
    the map (WeasyPrint cannot draw Arabic vowel marks in SVG text).
    """
    class_keys = {item.key for item in classes}
    unknown = sorted({area.klass for area in areas} - class_keys)
    if unknown:
        raise ValueError(f"Map areas name classes that are not given: {', '.join(unknown)}.")
    geometry = world_map()
    colours = class_colours(classes, ordered)
    prefix = _ids(areas, classes, title, language)
    hatch_id = f"{prefix}-hatch"
    rtl = is_right_to_left(language)
    _x, _y, width, map_height = geometry["viewBox"]
    with translation.override(language):
        disclaimer = str(DISCLAIMER)
        entries = [(_fill(item.key, colours, hatch_id), item.label) for item in classes]
        entries.append((NOT_COVERED_COLOUR, str(NOT_COVERED_LABEL)))
        shapes = _shapes(areas, colours, hatch_id)
    description = " ".join(str(part) for part in (description, disclaimer) if part)
    if captions:
        legend_top = map_height + LEGEND_GAP
        legend, legend_height = _legend(entries, legend_top, width, rtl)
        disclaimer_y = legend_top + legend_height + SMALL_PRINT_SIZE + 4
        height = math.ceil(disclaimer_y + 6)
        direction = ' direction="rtl"' if rtl else ""
        legend += (
            f'<text x="{width / 2:g}" y="{disclaimer_y:g}" text-anchor="middle"{direction} '
            f'font-size="{SMALL_PRINT_SIZE}" fill="#595959">{_text(disclaimer)}</text>'
        )
    else:
        legend, height = "", math.ceil(map_height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" lang="{_text(language)}" '
        f'font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f'<title id="{prefix}-title">{_text(title)}</title>'
        f'<desc id="{prefix}-desc">{_text(description)}</desc>'
        f'<defs><pattern id="{hatch_id}" width="4" height="4" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="4" height="4" fill="{HATCH_COLOUR}"/>'
        f'<line x1="0" y1="0" x2="0" y2="4" stroke="{HATCH_LINE_COLOUR}" stroke-width="1.5"/>'
        f"</pattern></defs>"
        f'<rect width="{width:g}" height="{height:g}" fill="#ffffff"/>'
        f'<path d="{geometry["outline"]}" fill="{SEA_COLOUR}" stroke="{OUTLINE_COLOUR}" '
        f'stroke-width="0.6"/>'
        f"{shapes}{legend}"
        f"</svg>"
    )
