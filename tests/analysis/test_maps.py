"""The SVG world map: geometry, colours, legend, escaping, rendering in Chromium, the builder."""

import json
import math
import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from PIL import Image

from cms.analysis import maps
from cms.analysis.management.commands.build_world_map import Frame
from cms.core.reference_data import read_countries, read_membership

SVG = "{http://www.w3.org/2000/svg}"
REPORTING_STATES = sorted(read_membership())
NAMES = read_countries()
ANSWER_CLASSES = ["yes", "no", "in_development", "not_applicable", "not_answered", "not_reported"]
SMALL_ISLAND_STATES = ["TV", "NR", "MV", "MT", "KN"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREEN = (1000, 560)


def answer_classes():
    return [
        maps.MapClass(key, f"{key.replace('_', ' ').capitalize()} (3)") for key in ANSWER_CLASSES
    ]


def answer_areas(language="en", answers=None):
    """Every reporting State, answering in turn through the classes unless `answers` says."""
    answers = answers or {}
    return [
        maps.MapArea(
            code=code,
            name=NAMES[code].names[language],
            klass=answers.get(code, ANSWER_CLASSES[index % len(ANSWER_CLASSES)]),
            value_label="Yes",
        )
        for index, code in enumerate(REPORTING_STATES)
    ]


def parse(svg):
    return ET.fromstring(svg)


def shapes(root):
    """{code: [element]} of the paths and markers that carry a data-code."""
    found = {}
    for element in root.iter():
        if element.get("data-code"):
            found.setdefault(element.get("data-code"), []).append(element)
    return found


def test_every_reporting_state_is_drawn_as_a_path_or_a_marker():
    for areas in (answer_areas(), []):
        root = parse(maps.render_world_map(areas, answer_classes(), title="T", language="en"))
        drawn = shapes(root)
        for code in REPORTING_STATES:
            elements = drawn.get(code, [])
            assert any(
                (element.tag == f"{SVG}path" and element.get("d")) or element.tag == f"{SVG}circle"
                for element in elements
            ), code
    markers = list(root.iter(f"{SVG}circle"))
    assert len(markers) == sum(maps.needs_marker(code) for code in REPORTING_STATES)


def test_small_island_states_are_markers_and_large_states_are_not():
    root = parse(maps.render_world_map(answer_areas(), answer_classes(), title="T", language="en"))
    markers = {element.get("data-code") for element in root.iter(f"{SVG}circle")}
    assert set(SMALL_ISLAND_STATES) <= markers
    assert not {"BR", "CA", "KE", "FR", "IN"} & markers
    # Tuvalu is not in the geometry: it is placed from marker_positions.csv, near Funafuti.
    tuvalu = maps.world_map()["areas"]["TV"]
    assert tuvalu["d"] == ""
    assert tuvalu["label"] == pytest.approx(Frame()(179.2167, -8.5167), abs=0.1)


def test_fills_follow_the_class_colours():
    areas = answer_areas()
    classes = answer_classes()
    svg = maps.render_world_map(areas, classes, title="T", language="en")
    colours = maps.class_colours(classes)
    # The answers keep the charts' colours: yes green, in development orange, no vermillion.
    assert [colours[key] for key in ("yes", "in_development", "no")] == [
        "#009E73",
        "#E69F00",
        "#D55E00",
    ]
    assert colours["not_reported"] == maps.HATCH_COLOUR
    assert len(set(colours.values())) == len(ANSWER_CLASSES)
    root = parse(svg)
    hatch = root.find(f".//{SVG}pattern").get("id")
    drawn = shapes(root)
    for area in areas:
        for element in drawn[area.code]:
            assert element.get("data-class") == area.klass
            fill = element.get("fill")
            if area.klass in maps.HATCHED_CLASSES and element.tag == f"{SVG}path":
                assert fill == f"url(#{hatch})"
            else:
                assert fill == colours[area.klass], area.code
    # Territories and States outside the figure are grey, with no class.
    assert drawn["GL"][0].get("fill") == maps.NOT_COVERED_COLOUR
    assert drawn["GL"][0].get("data-class") is None


def test_ordered_classes_run_from_light_to_dark_and_neutral_classes_stay_grey():
    keys = ["range-1", "range-2", "range-3", "range-4", "not_answered", "no_data"]
    colours = maps.class_colours([maps.MapClass(key, key) for key in keys], ordered=True)

    def luminance(colour):
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    sequence = [luminance(colours[key]) for key in keys[:4]]
    assert sequence == sorted(sequence, reverse=True)
    assert colours["no_data"] == maps.HATCH_COLOUR
    assert colours["not_answered"] == maps.NEUTRAL_COLOURS["not_answered"]


def test_tooltips_legend_and_accessible_name():
    svg = maps.render_world_map(
        answer_areas(), answer_classes(), title="Marking", language="en", description="Based."
    )
    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Marking"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}desc").text.startswith("Based. The boundaries")
    kenya = next(e for e in root.iter(f"{SVG}path") if e.get("data-code") == "KE")
    assert kenya.find(f"{SVG}title").text == "Kenya: Yes"
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts[:6] == [item.label for item in answer_classes()]
    assert texts[6] == "Not covered by this figure"
    assert texts[-1] == (
        "The boundaries and names shown and the designations used on this map do not imply "
        "official endorsement or acceptance by the United Nations."
    )


def test_the_legend_is_mirrored_in_arabic():
    width = maps.world_map()["viewBox"][2]
    for language, rtl in (("en", False), ("ar", True)):
        root = parse(maps.render_world_map([], answer_classes(), title="T", language=language))
        labels = list(root.iter(f"{SVG}text"))[:-1]
        swatches = [rect for rect in root.iter(f"{SVG}rect") if rect.get("stroke")]
        first_column = [float(text.get("x")) for text in labels[:4]]
        assert all((x > width / 2) == rtl for x in first_column), language
        assert all((float(rect.get("x")) > width / 2) == rtl for rect in swatches[:4])
        for text, swatch in zip(labels, swatches, strict=True):
            # The label runs from its swatch towards the middle of the picture.
            if rtl:
                assert text.get("direction") == "rtl"
                assert float(text.get("x")) < float(swatch.get("x"))
            else:
                assert text.get("direction") is None
                assert float(text.get("x")) > float(swatch.get("x")) + maps.SWATCH
            # With direction="rtl", "start" anchors the right end of the text.
            assert text.get("text-anchor") == "start"


def test_text_from_data_is_escaped():
    hostile = '<script>alert("x")</script> & Co'
    areas = [maps.MapArea("KE", hostile, "yes", value_label="<b>62 %</b>")]
    classes = [maps.MapClass("yes", "Yes <img src=x onerror=alert(1)>")]
    svg = maps.render_world_map(areas, classes, title="<i>T</i>", language="en", description="&")
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    kenya = shapes(root)["KE"][0]
    assert kenya.find(f"{SVG}title").text == f"{hostile}: <b>62 %</b>"
    assert root.find(f"{SVG}title").text == "<i>T</i>"
    # Characters XML does not allow are dropped rather than breaking the document.
    parse(
        maps.render_world_map(
            [maps.MapArea("KE", "K\x00\x1fe", "yes")], classes, title="\x0b", language="en"
        )
    )


def test_the_svg_is_well_formed_in_every_language_and_fast():
    for language in ("en", "fr", "es", "ru", "ar", "zh-hans"):
        root = parse(
            maps.render_world_map(
                answer_areas(language), answer_classes(), title="T", language=language
            )
        )
        assert root.tag == f"{SVG}svg"
        assert (
            shapes(root)["KE"][0].find(f"{SVG}title").text.startswith(NAMES["KE"].names[language])
        )
    timings = []
    for _attempt in range(5):
        start = time.perf_counter()
        maps.render_world_map(answer_areas(), answer_classes(), title="T", language="en")
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.05


def test_an_unknown_class_is_refused():
    with pytest.raises(ValueError, match="maybe"):
        maps.render_world_map(
            [maps.MapArea("KE", "Kenya", "maybe")], answer_classes(), title="T", language="en"
        )


def screenshot(svg, tmp_path, name):
    """The SVG as Chromium draws it in a SCREEN-sized window, and where a map point falls."""
    source = tmp_path / f"{name}.svg"
    source.write_text(svg, encoding="utf-8")
    picture = tmp_path / f"{name}.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--screenshot={picture}",
            f"--window-size={SCREEN[0]},{SCREEN[1]}",
            source.as_uri(),
        ],
        capture_output=True,
        timeout=90,
        check=True,
    )
    image = Image.open(picture).convert("RGB")
    assert image.size == SCREEN
    _x, _y, width, height = (float(value) for value in parse(svg).get("viewBox").split())
    # The root <svg> fills the window and keeps its aspect ratio, centred ("xMidYMid meet").
    scale = min(SCREEN[0] / width, SCREEN[1] / height)
    left, top = (SCREEN[0] - width * scale) / 2, (SCREEN[1] - height * scale) / 2

    def pixel(x, y):
        return image.getpixel((math.floor(left + x * scale), math.floor(top + y * scale)))

    return pixel


def rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def assert_colour(actual, expected, where):
    assert all(abs(a - b) <= 3 for a, b in zip(actual, rgb(expected), strict=True)), (
        where,
        actual,
        expected,
    )


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (apt-get install chromium)",
)
def test_chromium_draws_each_state_in_its_class_colour(tmp_path):
    answers = {"BR": "yes", "CA": "no", "KE": "in_development", "AU": "not_applicable", "IN": "yes"}
    answers |= {"MT": "no", "TV": "in_development", "RU": "not_answered"}
    classes = answer_classes()
    colours = maps.class_colours(classes)
    labels = {code: area["label"] for code, area in maps.world_map()["areas"].items()}
    for language in ("en", "ar"):
        svg = maps.render_world_map(
            answer_areas(language, answers), classes, title="T", language=language
        )
        pixel = screenshot(svg, tmp_path, language)
        for code, klass in answers.items():
            assert_colour(pixel(*labels[code]), colours[klass], (language, code))
        assert_colour(pixel(*labels["GL"]), maps.NOT_COVERED_COLOUR, (language, "GL"))
        # The first swatch of the legend, on the left in English and on the right in Arabic.
        swatch = next(
            rect for rect in parse(svg).iter(f"{SVG}rect") if rect.get("fill") == colours["yes"]
        )
        x, y = float(swatch.get("x")) + maps.SWATCH / 2, float(swatch.get("y")) + maps.SWATCH / 2
        assert (x > 500) == (language == "ar")
        assert_colour(pixel(x, y), colours["yes"], (language, "legend"))


def test_the_command_decodes_and_projects_a_topology(tmp_path):
    """Two 10° squares, Kenya (404) and France (250), sharing the arc of their common side."""

    def arc(*points):
        # Quantized on a 0.5° grid from (-10, -10), then delta-encoded.
        quantized = [((lon + 10) * 2, (lat + 10) * 2) for lon, lat in points]
        return [list(quantized[0])] + [
            [b[0] - a[0], b[1] - a[1]] for a, b in zip(quantized, quantized[1:], strict=False)
        ]

    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [-10, -10]},
        "arcs": [
            arc((10, 0), (10, 10)),  # the common side
            arc((10, 10), (0, 10), (0, 0), (10, 0)),
            arc((10, 0), (20, 0), (20, 10), (10, 10)),
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "404", "arcs": [[0, 1]]},
                    {"type": "Polygon", "id": "250", "arcs": [[2, ~0]]},
                ],
            }
        },
    }
    source = tmp_path / "squares.json"
    source.write_text(json.dumps(topology))
    positions = tmp_path / "positions.csv"
    positions.write_text("iso_alpha2,latitude,longitude,place,source\nTV,-8.5,179.2,Funafuti,x\n")
    output = tmp_path / "map.json"
    call_command(
        "build_world_map", str(source), output=str(output), positions=str(positions), verbosity=0
    )
    built = json.loads(output.read_text())
    frame = Frame()
    assert built["viewBox"] == [0, 0, 1000, frame.height]
    assert set(built["areas"]) == {"KE", "FR", "TV"}
    kenya, france = built["areas"]["KE"], built["areas"]["FR"]
    # Equal Earth is equal-area: two squares of 10° at the same latitudes have one area.
    assert kenya["area"] == pytest.approx(france["area"], abs=0.01)
    assert kenya["label"] == pytest.approx(frame(5, 5), abs=0.6)
    assert france["label"] == pytest.approx(frame(15, 5), abs=0.6)
    assert built["areas"]["TV"] == {
        "d": "",
        "label": pytest.approx(frame(179.2, -8.5), abs=0.1),
        "area": 0,
    }
    # Kenya's ring starts with the common side; both squares pass through its two corners.
    assert path_points(kenya["d"])[0] == pytest.approx(frame(10, 0), abs=0.06)
    for area in (kenya, france):
        assert area["d"].count("M") == 1 and area["d"].endswith("z")
        corners = path_points(area["d"])
        assert len(corners) == 4
        for corner in (frame(10, 0), frame(10, 10)):
            assert any(pytest.approx(corner, abs=0.06) == point for point in corners)

    # One State in two features: the side they share is no longer drawn.
    topology["objects"]["countries"]["geometries"][1]["id"] = "404"
    source.write_text(json.dumps(topology))
    call_command(
        "build_world_map", str(source), output=str(output), positions=str(positions), verbosity=0
    )
    merged = json.loads(output.read_text())["areas"]["KE"]
    assert merged["area"] == pytest.approx(2 * kenya["area"], abs=0.02)
    corners = path_points(merged["d"])
    assert merged["d"].count("M") == 1 and len(corners) == 6
    assert not any(pytest.approx(frame(10, 5), abs=0.5) == point for point in corners)


def path_points(d):
    """The absolute points of a path of one "M x y l dx dy … z" ring."""
    move, lines = d[1:-1].split("l")
    numbers = [float(n) for n in lines.replace("-", " -").split()]
    x, y = (float(n) for n in move.replace("-", " -").split())
    points = [(x, y)]
    for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
        x, y = round(x + dx, 1), round(y + dy, 1)
        points.append((x, y))
    return points
