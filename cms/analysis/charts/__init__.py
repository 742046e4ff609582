"""Server-side SVG charts of the national reports' analysis: bars, stacked bars and trends.

Each chart is one standalone SVG string, without script or outside resource, that works
inline in HTML (site and admin), as an image/svg+xml answer and, through `for_weasyprint`,
in WeasyPrint PDFs, in the six UN languages, mirrored for Arabic. A small renderer of our
own, because pygal embeds JavaScript and has no right-to-left layout.
"""

from .bars import render_bar_chart, render_stacked_bar_chart
from .data import Bar, Segment, Series, StackedRow
from .print_text import for_weasyprint
from .style import class_colour, class_colours
from .trend import render_trend_chart

__all__ = [
    "Bar",
    "Segment",
    "Series",
    "StackedRow",
    "class_colour",
    "class_colours",
    "for_weasyprint",
    "render_bar_chart",
    "render_stacked_bar_chart",
    "render_trend_chart",
]
