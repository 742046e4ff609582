"""The maps and charts of the analysis endpoints draw what the figures say."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from cms.analysis.maps import class_colours

SVG = "{http://www.w3.org/2000/svg}"
COORDINATION = "poa-ii-4-coordination-agency"
DESTROYED = "poa-ii-16-weapons-destroyed"


@pytest.fixture
def reports(publish_report):
    publish_report("KE", "BMS9", {COORDINATION: "yes", DESTROYED: 1200})
    publish_report("NG", "BMS9", {COORDINATION: "no", DESTROYED: 300})
    publish_report("FR", "BMS9", {COORDINATION: "in_development"}, instrument="poa")


def drawn_classes(svg):
    root = ET.fromstring(svg)
    return {
        element.get("data-code"): element.get("data-class")
        for element in root.iter()
        if element.get("data-code")
    }


def test_answer_map_colours_each_state_by_its_answer(client, reports):
    response = client.get(
        reverse("analysis-answers-map"), {"question": COORDINATION, "cycle": "BMS9"}
    )
    assert response["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    classes = drawn_classes(response.content)
    assert (classes["KE"], classes["NG"], classes["FR"]) == ("yes", "no", "in_development")
    assert classes["BR"] == "not_reported"
    assert classes["TV"] == "not_reported"  # a small island State is drawn too
    legend = response.content.decode()
    assert "Yes (1)" in legend and "No report (192)" in legend


def test_number_map_puts_states_in_ordered_classes(client, reports):
    response = client.get(reverse("analysis-answers-map"), {"question": DESTROYED})
    classes = drawn_classes(response.content)
    assert classes["NG"] != classes["KE"]
    assert classes["FR"] == "not_answered"


def test_reporting_map_and_charts_in_arabic(client, reports):
    response = client.get(reverse("analysis-reporting-map"), {"cycle": "BMS9", "locale": "ar"})
    classes = drawn_classes(response.content)
    assert (classes["KE"], classes["FR"], classes["BR"]) == ("poa_iti", "poa", "not_reported")
    assert 'direction="rtl"' in response.content.decode()
    for name in ("analysis-answers-chart", "analysis-trend-chart", "analysis-reporting-chart"):
        chart = client.get(reverse(name), {"question": COORDINATION, "locale": "ar"})
        assert chart.status_code == 200
        ET.fromstring(chart.content)
        assert 'direction="rtl"' in chart.content.decode()


def test_legend_colours_are_the_map_colours(client, reports):
    from cms.analysis.maps import MapClass

    colours = class_colours([MapClass("yes", "Yes"), MapClass("no", "No")], False)
    svg = client.get(
        reverse("analysis-answers-map"), {"question": COORDINATION, "cycle": "BMS9"}
    ).content.decode()
    root = ET.fromstring(svg)
    kenya = next(e for e in root.iter() if e.get("data-code") == "KE")
    assert (
        colours["yes"].lower() in ET.tostring(kenya).decode().lower()
        or colours["yes"].lower() in svg.lower()
    )
