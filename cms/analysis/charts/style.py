"""Colours, fonts and number formats shared by the charts.

Colours are Okabe and Ito's palette, told apart with the common colour-vision deficiencies.
Answer classes keep one meaning everywhere: yes is green, in development orange, no vermillion.
"""

from babel.numbers import format_decimal, format_percent

from cms.core.languages import BABEL_LOCALES

ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"

WHITE = "#FFFFFF"
INK = "#1F1F1F"  # labels and values: 16:1 on white
MUTED_INK = "#595959"  # axis ticks: 7:1 on white
GRID = "#D9D9D9"
AXIS = "#767676"
NEUTRAL_GREY = "#BDBDBD"  # "no data" classes; drawn hatched (see HATCH_*)
# The hatching behind "no data": dark text keeps at least 4.5:1 on both of its colours.
HATCH_BACKGROUND = "#E3E3E3"
HATCH_LINE = "#A6A6A6"

ANSWER_COLOURS = {
    "yes": BLUISH_GREEN,
    "in_development": ORANGE,
    "no": VERMILLION,
    "not_applicable": SKY_BLUE,
    "not_answered": NEUTRAL_GREY,
    "no_data": NEUTRAL_GREY,
}
NO_DATA_KEYS = frozenset({"not_answered", "no_data"})
# Yellow comes last: it is the faintest on white.
SERIES_COLOURS = (BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK, YELLOW)

FONT_FAMILIES = {
    "ar": "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans', 'DejaVu Sans', sans-serif",
    "zh-hans": "'Noto Sans CJK SC', 'Noto Sans', 'DejaVu Sans', sans-serif",
}
DEFAULT_FONT_FAMILY = (
    "'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif"
)


def class_colour(key, index):
    """The colour of an answer class: fixed for the known keys, else the index-th series colour.

    HTML legends and tables call it too, so that they match the chart.
    """
    return ANSWER_COLOURS.get(key) or SERIES_COLOURS[index % len(SERIES_COLOURS)]


def class_colours(keys):
    """{key: colour} for the classes of one chart, no two alike.

    `class_colour` of each key at its position, unless an earlier class has that colour
    already (a class of our own beside the answer classes): then the next free one.
    """
    colours, used = {}, set()
    fixed = {ANSWER_COLOURS[key] for key in keys if key in ANSWER_COLOURS}
    for index, key in enumerate(keys):
        colour = class_colour(key, index)
        if key not in ANSWER_COLOURS and (colour in used or colour in fixed):
            free = [c for c in SERIES_COLOURS if c not in used and c not in fixed]
            colour = free[0] if free else colour
        colours[key] = colour
        used.add(colour)
    return colours


def is_no_data(key):
    return key in NO_DATA_KEYS


def font_family(language):
    return FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY)


def relative_luminance(colour):
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background):
    """Black or white text, whichever reads better on `background` (at least 5:1 on the palette)."""
    return max((BLACK, WHITE), key=lambda colour: contrast_ratio(colour, background))


class NumberFormat:
    """Values and axis ticks in the language's CLDR format ("62 %" in French).

    In percent, values are shares between 0 and 1, as Babel expects them.
    """

    def __init__(self, language, percent):
        self.locale = BABEL_LOCALES[language]
        self.percent = percent

    def __call__(self, value):
        if self.percent:
            return format_percent(value, locale=self.locale)
        return format_decimal(value, locale=self.locale)
