"""The analysis charts: SVG that is well formed, drawn to scale, mirrored in Arabic, rendered."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from babel.numbers import format_percent

from cms.analysis.charts import (
    Bar,
    Segment,
    Series,
    StackedRow,
    class_colour,
    class_colours,
    for_weasyprint,
    render_bar_chart,
    render_stacked_bar_chart,
    render_trend_chart,
)
from cms.analysis.charts.print_text import shape_arabic, visual_order
from cms.analysis.charts.style import HATCH_BACKGROUND, HATCH_LINE, WHITE, contrast_ratio
from cms.core.languages import BABEL_LOCALES, UN_LANGUAGE_CODES

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LANGUAGES = UN_LANGUAGE_CODES

REGIONS = ("Africa", "Americas", "Asia-Pacific", "Eastern Europe")
CLASSES = (
    ("yes", "Yes"),
    ("in_development", "In development"),
    ("no", "No"),
    ("not_answered", "Not answered"),
)
CYCLES = ("BMS6 2016", "RevCon3 2018", "BMS7 2020", "BMS8 2022", "RevCon4 2024")


def bar_chart(language="en", labels=REGIONS, values=(0.62, 0.31, None, 0.93), **options):
    bars = [Bar(label, value) for label, value in zip(labels, values, strict=True)]
    return render_bar_chart(bars, title="Reporting States", language=language, **options)


def stacked_chart(language="en", **options):
    rows = [
        StackedRow(
            "Africa", (Segment("yes", 0.5), Segment("no", 0.3), Segment("not_answered", 0.2))
        ),
        StackedRow("Americas", (Segment("yes", 0.25), Segment("in_development", 0.75))),
        StackedRow("Asia-Pacific", ()),
    ]
    return render_stacked_bar_chart(
        rows, CLASSES, title="National agency", language=language, **options
    )


def trend_chart(language="en", **options):
    series = [
        Series("Africa", tuple(zip(CYCLES, (0.3, 0.4, None, 0.6, 0.7), strict=True))),
        Series("Americas", tuple(zip(CYCLES, (0.5, 0.55, 0.6, 0.62, 0.8), strict=True))),
    ]
    return render_trend_chart(series, title="Reporting over time", language=language, **options)


def parse(svg):
    return ET.fromstring(svg)


def elements(root, tag, css_class=None):
    return [
        node
        for node in root.iter(f"{SVG}{tag}")
        if css_class is None or node.get("class") == css_class
    ]


def texts(root, css_class=None):
    return [(node.text or "").strip("\u2068\u2069") for node in elements(root, "text", css_class)]


def box(rect):
    return tuple(float(rect.get(name)) for name in ("x", "y", "width", "height"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chart", [bar_chart, stacked_chart, trend_chart])
def test_each_chart_is_a_standalone_accessible_svg(chart, language):
    svg = chart(language)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 720 ")
    title = root.find(f"{SVG}title")
    description = root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == description.get("id")
    assert title.text and description.text
    assert "Noto Sans" in root.get("font-family") and "sans-serif" in root.get("font-family")
    # No script, no outside resource: nothing refers to anything but the chart's own ids.
    assert (
        "<script" not in svg
        and "href" not in svg
        and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )


def test_bar_lengths_are_proportional_to_values_on_a_shared_baseline():
    root = parse(bar_chart(values=(0.6, 0.3, 0.15, 0.9), max_value=1.2, percent=True))
    bars = [box(rect) for rect in elements(root, "rect", "chart-bar")]
    assert len(bars) == 4
    assert len({x for x, _, _, _ in bars}) == 1
    widths = [width for _, _, width, _ in bars]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.02)
    assert widths[0] == pytest.approx(4 * widths[2], abs=0.02)
    assert widths[3] == pytest.approx(1.5 * widths[0], abs=0.02)
    # The axis runs to max_value (120 %): 100 % is 1 / 0.9 times the longest bar from zero.
    ticks = {node.text: float(node.get("x")) for node in elements(root, "text", "chart-tick")}
    assert ticks["100%"] - ticks["0%"] == pytest.approx(widths[3] / 0.9, abs=0.05)
    assert ticks["120%"] - ticks["0%"] == pytest.approx(widths[3] * 1.2 / 0.9, abs=0.05)
    # Rows are stacked downwards, each below the previous one.
    tops = [y for _, y, _, _ in bars]
    assert tops == sorted(tops)


def test_the_chart_grows_with_its_rows_and_wraps_long_labels():
    short = parse(bar_chart(labels=REGIONS[:2], values=(0.1, 0.2)))
    long_label = "Western European and other States, with a deliberately long label"
    many = parse(bar_chart(labels=(*REGIONS, long_label), values=(0.1, 0.2, 0.3, 0.4, 0.5)))
    assert float(many.get("height")) > float(short.get("height"))
    assert float(many.get("viewBox").split()[2]) == float(short.get("viewBox").split()[2]) == 720
    label_lines = texts(many, "chart-label")
    assert len(label_lines) > 5  # the long label takes more than one line
    assert all(float(node.get("x")) > 0 for node in elements(many, "text", "chart-label"))


def test_arabic_mirrors_the_geometry():
    # Same labels and no translated "No data": the same layout, mirrored.
    labels = ("Alpha", "Beta", "Gamma", "Delta")
    values = (0.62, 0.31, 0.05, 0.93)
    english = parse(bar_chart("en", labels, values))
    arabic = parse(bar_chart("ar", labels, values))
    english_bars = [box(rect) for rect in elements(english, "rect", "chart-bar")]
    arabic_bars = [box(rect) for rect in elements(arabic, "rect", "chart-bar")]
    for (x, y, width, height), (ar_x, ar_y, ar_width, ar_height) in zip(
        english_bars, arabic_bars, strict=True
    ):
        assert (ar_y, ar_width, ar_height) == (y, width, height)
        assert ar_x == pytest.approx(720 - x - width)
    # Bars grow leftwards from one right-hand baseline; their labels are to its right.
    right_edges = {round(x + width, 2) for x, _, width, _ in arabic_bars}
    assert len(right_edges) == 1
    baseline = right_edges.pop()
    labels_x = [float(node.get("x")) for node in elements(arabic, "text", "chart-label")]
    assert all(x > baseline for x in labels_x)
    assert all(node.get("direction") == "rtl" for node in elements(arabic, "text"))
    assert not any(node.get("direction") for node in elements(english, "text"))
    # Value labels at the bars' ends: left of the bar in Arabic, right of it in English.
    for rect, value in zip(
        elements(arabic, "rect", "chart-bar"), elements(arabic, "text", "chart-value"), strict=True
    ):
        assert float(value.get("x")) < float(rect.get("x"))
    # The axis runs right to left: 0 % at the right.
    ticks = elements(arabic, "text", "chart-tick")
    assert float(ticks[0].get("x")) > float(ticks[-1].get("x"))


def test_arabic_trend_runs_right_to_left_and_the_legend_is_mirrored():
    english, arabic = parse(trend_chart("en")), parse(trend_chart("ar"))
    english_x = [float(node.get("x")) for node in elements(english, "text", "chart-x-label")]
    arabic_x = [float(node.get("x")) for node in elements(arabic, "text", "chart-x-label")]
    assert english_x == sorted(english_x)
    assert arabic_x == sorted(arabic_x, reverse=True)
    assert arabic_x == pytest.approx([720 - x for x in english_x])
    # The first series' legend entry starts at the right margin, the next one to its left.
    english_legend = [
        float(line.get("x1")) for line in elements(english, "line", "chart-legend-line")
    ]
    arabic_legend = [
        float(line.get("x1")) for line in elements(arabic, "line", "chart-legend-line")
    ]
    assert english_legend[0] == 16 and arabic_legend[0] == 720 - 16
    assert arabic_legend == sorted(arabic_legend, reverse=True)


def test_numbers_follow_the_language():
    french = parse(bar_chart("fr", percent=True))
    assert "62\u00a0%" in texts(french, "chart-value")
    assert "20\u00a0%" in texts(french, "chart-tick")
    arabic = parse(bar_chart("ar", percent=True))
    assert format_percent(0.62, locale=BABEL_LOCALES["ar"]) in texts(arabic, "chart-value")
    assert format_percent(0.2, locale=BABEL_LOCALES["ar"]) in texts(arabic, "chart-tick")
    counts = parse(bar_chart("fr", values=(1234, 56, None, 7)))
    assert "1\u202f234" in texts(counts, "chart-value")


def test_caller_labels_are_preferred_to_formatted_values():
    bars = [Bar("Africa", 12 / 19, "12 of 19"), Bar("Americas", 0.5)]
    root = parse(render_bar_chart(bars, title="t", language="en", percent=True))
    assert texts(root, "chart-value") == ["12 of 19", "50%"]


def test_text_from_the_data_stays_text():
    hostile = '<script>alert("x")</script> & <b>bold</b>\x07'
    svg = render_bar_chart([Bar(hostile, 0.5, hostile)], title=hostile, language="en", percent=True)
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}b"))
    clean = hostile.replace("\x07", "")  # not allowed in XML at all
    assert texts(root, "chart-value") == [clean]
    assert " ".join(texts(root, "chart-label")) == " ".join(clean.split())
    assert root.find(f"{SVG}title").text == clean
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_missing_value_is_drawn_and_said_as_no_data():
    root = parse(bar_chart("en"))
    no_data = elements(root, "rect", "chart-no-data")
    assert len(no_data) == 1
    assert (
        no_data[0].get("fill")
        == f"url(#{root.get('aria-labelledby').removesuffix('-title')}-hatch)"
    )
    assert "No data" in texts(root)
    assert len(elements(root, "rect", "chart-bar")) == 3
    assert "Asia-Pacific: No data" in root.find(f"{SVG}desc").text
    pattern_ids = [pattern.get("id") for pattern in root.iter(f"{SVG}pattern")]
    assert no_data[0].get("fill") == f"url(#{pattern_ids[0]})"


def test_ids_are_unique_across_charts_and_stable_across_renders():
    first, second = parse(bar_chart()), parse(stacked_chart())
    first_ids = {node.get("id") for node in first.iter() if node.get("id")}
    second_ids = {node.get("id") for node in second.iter() if node.get("id")}
    assert len(first_ids) == 3 and not first_ids & second_ids
    # The same chart twice is the same bytes: cached answers and ETags stay valid.
    assert bar_chart() == bar_chart()


def test_stacked_segments_use_the_class_colours_in_order_and_to_scale():
    root = parse(stacked_chart())
    segments = elements(root, "rect", "chart-segment")
    assert [segment.get("data-key") for segment in segments] == [
        "yes", "no", "not_answered", "yes", "in_development",
    ]  # fmt: skip
    yes, no, not_answered = segments[:3]
    assert yes.get("fill") == class_colour("yes", 0) == "#009E73"
    assert no.get("fill") == class_colour("no", 2) == "#D55E00"
    assert not_answered.get("fill").startswith("url(#")
    assert box(yes)[2] == pytest.approx(box(no)[2] * 5 / 3, abs=0.02)
    # Consecutive segments touch; a full row spans the whole axis.
    assert box(yes)[0] + box(yes)[2] == pytest.approx(box(no)[0])
    full = box(not_answered)[0] + box(not_answered)[2] - box(yes)[0]
    assert full == pytest.approx(box(segments[4])[0] + box(segments[4])[2] - box(segments[3])[0])
    assert len(elements(root, "rect", "chart-no-data")) == 1  # the empty row
    assert len(elements(root, "rect", "chart-legend-swatch")) == len(CLASSES)


def background_of(root, node):
    """The colours behind a text: the segment it is written on, else the white chart."""
    x, y = float(node.get("x")), float(node.get("y"))
    for rect in elements(root, "rect", "chart-segment"):
        left, top, width, height = box(rect)
        if left < x < left + width and top < y < top + height:
            fill = rect.get("fill")
            return [HATCH_BACKGROUND, HATCH_LINE] if fill.startswith("url(") else [fill]
    return [WHITE]


def test_a_class_of_its_own_beside_the_answer_classes_gets_a_colour_of_its_own():
    rows = [StackedRow("Africa", (Segment("yes", 3), Segment("no", 2), Segment("other", 1)))]
    root = parse(
        render_stacked_bar_chart(
            rows,
            [("yes", "Yes"), ("no", "No"), ("other", "Other")],
            title="t",
            language="en",
            percent=False,
        )
    )
    fills = [rect.get("fill") for rect in elements(root, "rect", "chart-segment")]
    assert len(set(fills)) == 3
    assert fills == list(class_colours(["yes", "no", "other"]).values())


@pytest.mark.parametrize("chart", [bar_chart, stacked_chart, trend_chart])
def test_every_text_meets_wcag_aa_contrast(chart):
    root = parse(chart())
    on_segments = 0
    for node in elements(root, "text"):
        backgrounds = background_of(root, node)
        on_segments += backgrounds != [WHITE]
        for background in backgrounds:
            assert contrast_ratio(node.get("fill"), background) >= 4.5, (node.text, background)
    if chart is stacked_chart:
        assert on_segments >= 4  # including white text on blue-green and dark text on hatching


def test_trend_lines_break_at_gaps_and_markers_differ_in_shape():
    root = parse(trend_chart())
    lines = elements(root, "polyline", "chart-line")
    assert len(lines) == 3  # Africa in two pieces around its missing cycle, Americas whole
    shapes = {
        marker.get("data-shape") for marker in root.iter() if marker.get("class") == "chart-point"
    }
    assert len(shapes) == 2
    points = [node for node in root.iter() if node.get("class") == "chart-point"]
    assert len(points) == 9
    assert texts(root, "chart-tick")[0] == "0%" and texts(root, "chart-tick")[-1] == "100%"
    assert texts(root, "chart-x-label") == list(CYCLES)


def test_arabic_text_is_shaped_and_ordered_for_weasyprint():
    assert shape_arabic("بيت") == "\ufe91\ufef4\ufe96"  # initial beh, medial yeh, final teh
    assert shape_arabic("لا") == "\ufefb"  # the lam-alef ligature
    assert shape_arabic("سلا") == "\ufeb3\ufefc"  # ... after a letter that joins it
    assert visual_order(shape_arabic("بيت"), True) == "\ufe96\ufef4\ufe91"
    assert visual_order(shape_arabic("ب 12"), True) == "12 \ufe8f"  # numbers stay left to right
    assert visual_order("62%", True) == "62%"
    assert visual_order("ب 62%", True) == "%62 ب"  # after an Arabic letter, as browsers show it
    assert visual_order("(ب)", True) == "(ب)"  # parentheses mirrored in right-to-left text
    assert visual_order("Bolivia (Plurinational State of)", True) == (
        "Bolivia (Plurinational State of)"
    )
    assert visual_order("BMS8 2022", False) == "BMS8 2022"

    printed = parse(for_weasyprint(bar_chart("ar", labels=("أفريقيا", "B", "C", "D"))))
    label = elements(printed, "text", "chart-label")[0]
    assert label.text == visual_order(shape_arabic("أفريقيا"), True)
    assert (label.get("direction"), label.get("unicode-bidi")) == ("ltr", "bidi-override")
    assert label.get("text-anchor") == "start"  # was "end" under direction="rtl": same side


def test_weasyprint_draws_a_chart_into_a_pdf():
    weasyprint = pytest.importorskip("weasyprint")
    svg = for_weasyprint(stacked_chart("ar"))
    html = f'<html lang="ar" dir="rtl"><meta charset="utf-8"><body>{svg}</body></html>'
    try:
        pdf = weasyprint.HTML(string=html).write_pdf()
    except OSError as error:  # Pango is missing
        pytest.skip(str(error))
    assert pdf.startswith(b"%PDF")


def pixel_colour(image, rect):
    x, y, width, height = box(rect)
    return image.getpixel((round(x + width / 2), round(y + 3)))[:3]


def rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (apt-get install chromium)",
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_chromium_draws_the_bars_where_the_svg_says(language, tmp_path):
    from PIL import Image

    svg = stacked_chart(language)
    chart, screenshot = tmp_path / "chart.svg", tmp_path / "chart.png"
    chart.write_text(svg, encoding="utf-8")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={screenshot}",
            "--window-size=800,600",
            chart.as_uri(),
        ],
        capture_output=True,
        timeout=90,
        check=True,
    )
    image = Image.open(screenshot).convert("RGB")
    segments = elements(parse(svg), "rect", "chart-segment")
    yes, no = segments[0], segments[1]
    for rect in (yes, no):
        drawn = pixel_colour(image, rect)  # above the value written in the segment
        expected = rgb(rect.get("fill"))
        assert all(abs(a - b) <= 3 for a, b in zip(drawn, expected, strict=True)), (drawn, expected)
    # The mirror image of the "yes" segment's middle is empty plot: the layout really flipped.
    x, y, width, height = box(yes)
    mirrored = image.getpixel((round(720 - x - width / 2), round(y + 3)))
    assert mirrored[:3] != rgb(yes.get("fill"))
