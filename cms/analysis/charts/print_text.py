"""Charts for WeasyPrint: right-to-left text shaped and put in visual order beforehand.

WeasyPrint draws SVG text one code point at a time, from left to right, without the bidi
algorithm or Arabic joining (Kozea/WeasyPrint#2249 and #2909), so Arabic labels come out
reversed and in isolated letters. `for_weasyprint` gives each text its Arabic presentation
forms (the joined shapes Unicode encodes) in the order they are seen, and marks it
`unicode-bidi="bidi-override"` so that a renderer that does run the bidi algorithm draws
it unchanged; Arabic vowel marks, which would be drawn apart from their letters, are left
out. Browsers get the original SVG, whose text stays searchable and selectable.
"""

import unicodedata
import xml.etree.ElementTree as ET
from functools import lru_cache

from django.utils.safestring import mark_safe

from .canvas import SVG_NAMESPACE

TATWEEL, ZERO_WIDTH_JOINER = "\u0640", "\u200d"
LAM = "\u0644"
ALEFS = {
    "\u0622": " WITH MADDA ABOVE",
    "\u0623": " WITH HAMZA ABOVE",
    "\u0625": " WITH HAMZA BELOW",
    "\u0627": "",
}
# Not drawn. Marks count as the strong character they stand for; an isolate wraps a whole
# label here, so the label's first strong character gives its direction.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@lru_cache(maxsize=2048)
def _presentation_form(name, form):
    try:
        return unicodedata.lookup(f"{name} {form} FORM")
    except KeyError:
        return None


def _joining_type(char):
    """D (joins both sides), R (joins the letter before), C (causes joining), T, or U.

    Read from the presentation forms Unicode names: a letter with an initial form joins
    on both sides, one with only a final form joins the letter before it.
    """
    if char in (TATWEEL, ZERO_WIDTH_JOINER):
        return "C"
    if unicodedata.category(char) in ("Mn", "Me"):
        return "T"
    name = unicodedata.name(char, "")
    if not name.startswith("ARABIC LETTER "):
        return "U"
    if _presentation_form(name, "INITIAL"):
        return "D"
    return "R" if _presentation_form(name, "FINAL") else "U"


def shape_arabic(text):
    """`text` in logical order with each Arabic letter replaced by its contextual form."""
    types = [_joining_type(char) for char in text]

    def neighbour(index, step):
        index += step
        while 0 <= index < len(text) and types[index] == "T":
            index += step
        return index if 0 <= index < len(text) else None

    shaped, index = [], 0
    while index < len(text):
        char, joining = text[index], types[index]
        if joining not in ("D", "R"):
            shaped.append(char)
            index += 1
            continue
        before, after = neighbour(index, -1), neighbour(index, 1)
        joins_before = before is not None and types[before] in ("D", "C")
        joins_after = joining == "D" and after is not None and types[after] in ("D", "R", "C")
        if char == LAM and after == index + 1 and text[after] in ALEFS:
            # Lam followed by alef is written as one mandatory ligature.
            ligature = f"ARABIC LIGATURE LAM WITH ALEF{ALEFS[text[after]]}"
            form = "FINAL" if joins_before else "ISOLATED"
            shaped.append(_presentation_form(ligature, form) or text[index : after + 1])
            index = after + 1
            continue
        form = {(True, True): "MEDIAL", (True, False): "FINAL", (False, True): "INITIAL"}.get(
            (joins_before, joins_after), "ISOLATED"
        )
        name = unicodedata.name(char)
        shaped.append(
            _presentation_form(name, form) or _presentation_form(name, "ISOLATED") or char
        )
        index += 1
    return "".join(shaped)


def _bidi_types(text):
    types = []
    for char in text:
        kind = unicodedata.bidirectional(char) or "L"
        if kind in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"):
            kind = "BN"
        types.append(kind)
    return types


def _resolve_weak(types, base):
    """Rules W1–W7 of the Unicode bidi algorithm, for one line without embeddings."""
    sos = "R" if base else "L"
    previous = sos
    for i, kind in enumerate(types):  # W1: a mark takes the type of what it marks
        if kind == "NSM":
            types[i] = previous
        elif kind != "BN":
            previous = kind
    strong = sos
    for i, kind in enumerate(types):  # W2, W3: numbers after Arabic letters are Arabic numbers
        if kind in ("L", "R", "AL"):
            strong = kind
        if kind == "EN" and strong == "AL":
            types[i] = "AN"
        if kind == "AL":
            types[i] = "R"
    for i in range(1, len(types) - 1):  # W4: one separator between two numbers of a kind
        before, after = types[i - 1], types[i + 1]
        if types[i] == "ES" and before == after == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    for i, kind in enumerate(types):  # W5: currency and percent signs next to a number
        if kind == "ET":
            end = i
            while end < len(types) and types[end] == "ET":
                end += 1
            if (i > 0 and types[i - 1] == "EN") or (end < len(types) and types[end] == "EN"):
                types[i:end] = ["EN"] * (end - i)
    types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]  # W6
    strong = sos
    for i, kind in enumerate(types):  # W7: European numbers in left-to-right text
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"


def _resolve_neutral(types, base):
    """Rules N1 and N2: neutrals between two like directions take it, else the base's."""
    sos = eos = "R" if base else "L"

    def direction(kind):
        return "R" if kind in ("R", "EN", "AN") else kind

    i = 0
    while i < len(types):
        if types[i] not in ("B", "S", "WS", "ON", "BN"):
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in ("B", "S", "WS", "ON", "BN"):
            end += 1
        before = direction(types[i - 1]) if i > 0 else sos
        after = direction(types[end]) if end < len(types) else eos
        types[i:end] = [before if before == after else sos] * (end - i)
        i = end


def visual_order(text, right_to_left):
    """One line of text in the order its characters are seen, left to right.

    The line's direction is its first strong character's, else `right_to_left`.
    """
    types = _bidi_types(text)
    first_strong = next((kind for kind in types if kind in ("L", "R", "AL")), None)
    base = first_strong in ("R", "AL") if first_strong else right_to_left
    _resolve_weak(types, base)
    _resolve_neutral(types, base)
    levels = []
    for kind in types:  # I1, I2
        if not base:
            levels.append({"R": 1, "AN": 2, "EN": 2}.get(kind, 0))
        else:
            levels.append(2 if kind in ("L", "EN", "AN") else 1)
    chars = [
        MIRRORED.get(char, char) if level % 2 else char
        for char, level in zip(text, levels, strict=True)
    ]
    for level in range(max(levels, default=0), 0, -1):  # L2
        i = 0
        while i < len(chars):
            if levels[i] >= level:
                end = i
                while end < len(chars) and levels[end] >= level:
                    end += 1
                chars[i:end], levels[i:end] = chars[i:end][::-1], levels[i:end][::-1]
                i = end
            else:
                i += 1
    return "".join(char for char in chars if char not in BIDI_CONTROLS)


def without_arabic_marks(text):
    """`text` without its Arabic combining marks (short vowels, shadda, sukun...).

    Drawn one code point at a time, a mark stands on a dotted circle beside its letter
    instead of above it. Arabic is commonly written without them.
    """
    return "".join(
        char
        for char in text
        if unicodedata.category(char) != "Mn" or not unicodedata.name(char, "").startswith("ARABIC")
    )


def for_weasyprint(svg):
    """The same chart, its right-to-left text ready for WeasyPrint's SVG text drawing."""
    ET.register_namespace("", SVG_NAMESPACE)
    root = ET.fromstring(svg)
    for node in root.iter(f"{{{SVG_NAMESPACE}}}text"):
        right_to_left = node.get("direction") == "rtl"
        text = without_arabic_marks(node.text or "")
        node.text = visual_order(shape_arabic(text), right_to_left)
        if right_to_left:
            # Now drawn left to right as it stands; its anchor keeps the same side.
            anchor = node.get("text-anchor", "start")
            node.set("text-anchor", {"start": "end", "end": "start"}.get(anchor, anchor))
            node.set("direction", "ltr")
        node.set("unicode-bidi", "bidi-override")
    # WeasyPrint gives an SVG styled "height: auto" a square box; its width attribute and
    # viewBox give the right height without it.
    root.set("style", "max-width:100%")
    # ElementTree escapes what it serialises.
    return mark_safe(ET.tostring(root, encoding="unicode"))
