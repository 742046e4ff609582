"""Text measures, line breaking and axis scales, without a font at hand.

Widths are estimates in em per character class, a little generous so that labels are not
clipped in any of the fonts the charts name; Chinese and Japanese characters are one em.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

ELLIPSIS = "…"
_NARROW = frozenset(" .,;:!|'()[]{}/-ilIjtf·،")
_CJK = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uff65"
# A Chinese character (with the punctuation that may not start a line), a word, or spaces.
_TOKENS = re.compile(
    rf"[{_CJK}][{_CJK_PUNCTUATION}]*|[^\s{_CJK}]+?(?=[\s{_CJK}]|$)|[^\s{_CJK}]+|\s+"
)


def text_width(text, size):
    em = 0.0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        if unicodedata.east_asian_width(char) in ("W", "F"):
            em += 1.0
        elif char.isspace():
            em += 0.28
        elif char in _NARROW:
            em += 0.32
        elif char.isdigit():
            em += 0.58
        elif char.isupper():
            em += 0.72
        elif "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff":
            em += 0.5  # Arabic letters join and are narrower than Latin ones on average
        else:
            em += 0.58
    return em * size


def _fit_prefix(text, max_width, size):
    """The longest start of `text` that fits, at least one character."""
    end = len(text)
    while end > 1 and text_width(text[:end], size) > max_width:
        end -= 1
    return text[:end]


def wrap_text(text, max_width, size, max_lines=3):
    """`text` broken into lines no wider than `max_width`; the last one cut with an ellipsis.

    Breaks at spaces, and between Chinese characters; a word too long for a line is split.
    """
    lines, line, pending_space = [], "", False
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            pending_space = True
            continue
        candidate = f"{line} {token}" if pending_space and line else line + token
        pending_space = False
        if not line or text_width(candidate, size) <= max_width:
            line = candidate
        else:
            lines.append(line)
            line = token
        while text_width(line, size) > max_width and len(line) > 1:
            head = _fit_prefix(line, max_width, size)
            lines.append(head)
            line = line[len(head) :]
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        last = _fit_prefix(lines[max_lines - 1], max_width - text_width(ELLIPSIS, size), size)
        lines = [*lines[: max_lines - 1], last.rstrip() + ELLIPSIS]
    return lines or [""]


@dataclass(frozen=True)
class Scale:
    """A value axis from 0 to `top`, with round ticks."""

    top: float
    ticks: tuple[float, ...]

    @classmethod
    def fit(cls, largest, *, percent, maximum=None, target_ticks=5):
        """From 0 to `maximum` when given, else to a round value above `largest`.

        In percent the axis runs to 100 % unless a share is larger.
        """
        if maximum is None and percent and largest <= 1:
            maximum = 1.0
        span = maximum if maximum is not None else largest
        span = span if span > 0 else 1.0
        raw_step = span / target_ticks
        magnitude = 10 ** math.floor(math.log10(raw_step))
        step = next(f * magnitude for f in (1, 2, 2.5, 5, 10) if f * magnitude >= raw_step)
        if not percent:
            step = max(step, 1)  # counts of States: no half States on the axis
        top = maximum if maximum is not None else math.ceil(span / step - 1e-9) * step
        top = top if top > 0 else step
        ticks = [round(i * step, 10) for i in range(math.floor(top / step + 1e-9) + 1)]
        # An axis that ends between two round ticks is labelled at its end when there is room.
        if top - ticks[-1] >= step / 2:
            ticks.append(top)
        return cls(top=top, ticks=tuple(ticks))

    def fraction(self, value):
        """Where `value` falls between 0 and the top, kept inside the axis."""
        return min(max(value / self.top, 0.0), 1.0)
