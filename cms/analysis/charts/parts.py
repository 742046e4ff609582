"""Pieces the charts share: title, legend, markers, the text description."""

from dataclasses import dataclass

from babel.lists import format_list
from django.utils.translation import gettext

from cms.core.languages import BABEL_LOCALES

from .canvas import WIDTH
from .layout import text_width, wrap_text
from .style import WHITE

MARGIN = 16
FONT_SIZE = 12
LINE_HEIGHT = 15
TICK_SIZE = 11
TITLE_SIZE = 15
TITLE_LINE_HEIGHT = 19
SWATCH = 12
# From the middle of a line of text to its baseline, for fonts whose capitals are 0.7 em.
BASELINE_SHIFT = 0.35


def baseline(middle, size=FONT_SIZE):
    return middle + size * BASELINE_SHIFT


def draw_title(canvas, title, top):
    lines = wrap_text(title, WIDTH - 2 * MARGIN, TITLE_SIZE)
    for number, line in enumerate(lines):
        middle = top + TITLE_LINE_HEIGHT * (number + 0.5)
        canvas.text(
            MARGIN,
            baseline(middle, TITLE_SIZE),
            line,
            size=TITLE_SIZE,
            font_weight="bold",
            from_data=True,
        )
    return top + TITLE_LINE_HEIGHT * len(lines) + 8


MARKER_SHAPES = ("circle", "square", "triangle", "diamond", "triangle_down")
_MARKER_POINTS = {
    "square": ((-4, -4), (4, -4), (4, 4), (-4, 4)),
    "triangle": ((0, -5.5), (5, 3.5), (-5, 3.5)),
    "diamond": ((0, -5.5), (5.5, 0), (0, 5.5), (-5.5, 0)),
    "triangle_down": ((0, 5.5), (5, -3.5), (-5, -3.5)),
}


def draw_marker(canvas, shape, x, y, colour, tooltip="", **names):
    """A point marker; its shape tells series apart without colour."""
    style = {"fill": colour, "stroke": WHITE, "stroke_width": 1, **names}
    if shape == "circle":
        canvas.element("circle", tooltip, cx=float(canvas.x(x)), cy=float(y), r=4.5, **style)
    else:
        corners = [(x + dx, y + dy) for dx, dy in _MARKER_POINTS[shape]]
        canvas.element("polygon", tooltip, points=canvas.points(corners), **style)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: str  # a colour, or the hatching's url
    marker: str | None = None  # trend lines: the series' marker shape, on a short line


def draw_legend(canvas, entries, top):
    """Entries in reading order, wrapped onto as many lines as they need; returns the bottom."""
    x, middle = MARGIN, top + LINE_HEIGHT / 2
    for entry in entries:
        label = wrap_text(entry.label, WIDTH / 2, FONT_SIZE, max_lines=1)[0]
        swatch_width = 24 if entry.marker else SWATCH
        width = swatch_width + 6 + text_width(label, FONT_SIZE) + 18
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, middle = MARGIN, middle + LINE_HEIGHT + 6
        if entry.marker:
            canvas.line(
                x,
                middle,
                x + swatch_width,
                middle,
                stroke=entry.fill,
                stroke_width=2.5,
                class_="chart-legend-line",
            )
            draw_marker(canvas, entry.marker, x + swatch_width / 2, middle, entry.fill)
        else:
            canvas.rect(
                x,
                middle - SWATCH / 2,
                SWATCH,
                SWATCH,
                fill=entry.fill,
                class_="chart-legend-swatch",
            )
        canvas.text(x + swatch_width + 6, baseline(middle), label, from_data=True)
        x += width
    return middle + LINE_HEIGHT / 2 + 10


def labelled(label, value):
    return gettext("%(label)s: %(value)s") % {"label": label, "value": value}


def listed(items, language):
    return format_list(list(items), style="standard", locale=BABEL_LOCALES[language])


def describe(lines):
    """The chart's data as text, one line per row or series, for screen readers."""
    return "\n".join(lines)
