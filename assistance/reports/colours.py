"""The heat-map colour scale of the coverage gap, shared by the PDF and the workbook.

A sequential orange-red scale (ColorBrewer "OrRd"): the larger a cell's gap, the darker.
The workbook's colour-scale rule uses the same three stops, so both read alike.
"""

LOW = "FFF7EC"
MIDDLE = "FC8D59"
HIGH = "B30000"


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _blend(start, end, ratio):
    return "".join(
        f"{round(a + (b - a) * ratio):02X}" for a, b in zip(_rgb(start), _rgb(end), strict=True)
    )


def gap_colour(gap, largest):
    """Hex colour (RRGGBB) of a gap on a scale from no gap to the largest gap in the table."""
    if not largest or largest <= 0 or gap is None or gap <= 0:
        return LOW
    ratio = min(float(gap) / float(largest), 1.0)
    if ratio <= 0.5:
        return _blend(LOW, MIDDLE, ratio * 2)
    return _blend(MIDDLE, HIGH, (ratio - 0.5) * 2)


def text_colour(background):
    """Black or white, whichever reads better on the background (relative luminance)."""
    red, green, blue = _rgb(background)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "000000" if luminance > 140 else "FFFFFF"
