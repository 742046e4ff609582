"""An SVG document drawn in reading order, mirrored for right-to-left languages.

Charts are laid out as for a left-to-right language: x grows in the reading direction and
text anchored at "start" begins at x. In a right-to-left language every x is mirrored and
text gets direction="rtl", under which SVG puts "start" at the text's right end, so the
same layout gives the mirrored chart (Chromium and WeasyPrint both anchor this way).
"""

import hashlib
import re
from html import escape

from django.utils.safestring import mark_safe

from cms.core.languages import is_right_to_left

from .style import HATCH_BACKGROUND, HATCH_LINE, INK, WHITE, font_family

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
WIDTH = 720
# Characters XML does not allow, even escaped: they would make the document unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# First-strong isolate: a label from the data keeps its own direction inside a mirrored
# chart, e.g. an English fallback name with its closing parenthesis in an Arabic chart.
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def xml_text(text):
    """Text or attribute value, escaped (apostrophes stay: attributes are in double quotes)."""
    return escape(_NOT_XML.sub("", str(text)), quote=False).replace('"', "&quot;")


def _value(value):
    if isinstance(value, float):
        value = f"{value:.2f}".rstrip("0").rstrip(".")
        return "0" if value == "-0" else value
    return xml_text(value)


def attributes(**names):
    """SVG attributes from keywords: `text_anchor` is text-anchor, `class_` is class."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{_value(value)}"'
        for name, value in names.items()
        if value is not None
    )


ID_PLACEHOLDER = "chart-id-placeholder"


class Canvas:
    def __init__(self, language, width=WIDTH):
        self.language = language
        self.width = width
        self.rtl = is_right_to_left(language)
        # Several charts share one HTML page and its id space: ids are named after what the
        # chart draws (see `render`), so two charts differ and one chart drawn twice is
        # the same bytes, which HTTP caches and ETags rely on.
        self.id = ID_PLACEHOLDER
        self.hatch = f"url(#{self.id}-hatch)"
        self._elements = []

    def x(self, x):
        return self.width - x if self.rtl else x

    def element(self, tag, tooltip="", **names):
        inner = f"<title>{xml_text(tooltip)}</title>" if tooltip else ""
        end = f">{inner}</{tag}>" if inner else "/>"
        self._elements.append(f"<{tag}{attributes(**names)}{end}")

    def rect(self, x, y, width, height, tooltip="", **names):
        left = self.width - x - width if self.rtl else x
        geometry = {"x": left, "y": y, "width": width, "height": height}
        self.element("rect", tooltip, **{k: float(v) for k, v in geometry.items()}, **names)

    def line(self, x1, y1, x2, y2, **names):
        geometry = {"x1": self.x(x1), "y1": y1, "x2": self.x(x2), "y2": y2}
        self.element("line", **{k: float(v) for k, v in geometry.items()}, **names)

    def points(self, points):
        return " ".join(f"{_value(float(self.x(x)))},{_value(float(y))}" for x, y in points)

    def text(self, x, y, content, *, anchor="start", size=12, fill=INK, from_data=False, **names):
        """One line of text; `from_data` marks a label that came with the data."""
        if self.rtl and from_data:
            content = f"{FIRST_STRONG_ISOLATE}{content}{POP_DIRECTIONAL_ISOLATE}"
        placed = attributes(
            x=float(self.x(x)),
            y=float(y),
            font_size=size,
            fill=fill,
            text_anchor=anchor,
            direction="rtl" if self.rtl else None,
            **names,
        )
        self._elements.append(f"<text{placed}>{xml_text(content)}</text>")

    def render(self, height, title, description):
        width, height = self.width, round(height)
        hatch = (
            f'<pattern id="{self.id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6"'
            ' patternTransform="rotate(45)">'
            f'<rect width="6" height="6" fill="{HATCH_BACKGROUND}"/>'
            f'<line x1="1" y1="0" x2="1" y2="6" stroke="{HATCH_LINE}" stroke-width="2"/>'
            "</pattern>"
        )
        svg = (
            f'<svg xmlns="{SVG_NAMESPACE}" viewBox="0 0 {width} {height}" width="{width}"'
            f' height="{height}" role="img" aria-labelledby="{self.id}-title"'
            f' aria-describedby="{self.id}-desc"{attributes(lang=self.language)}'
            f"{attributes(font_family=font_family(self.language))}"
            ' style="max-width:100%;height:auto">'
            f'<title id="{self.id}-title">{xml_text(title)}</title>'
            f'<desc id="{self.id}-desc">{xml_text(description)}</desc>'
            f"<defs>{hatch}</defs>"
            f'<rect width="{width}" height="{height}" fill="{WHITE}"/>'
            + "".join(self._elements)
            + "</svg>"
        )
        digest = hashlib.sha256(svg.encode()).hexdigest()[:12]
        # Safe to insert as HTML: every text and attribute in it is escaped.
        return mark_safe(svg.replace(ID_PLACEHOLDER, f"chart-{digest}"))
