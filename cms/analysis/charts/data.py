"""What the charts draw: plain values, already translated and ready to label."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str  # category label, already translated (e.g. a region name)
    value: float | None  # None: no data, drawn as a hatched stub labelled "No data"
    value_label: str = ""  # shown at the bar's end, e.g. "62 %" or "12 of 19"; else the value


@dataclass(frozen=True)
class Segment:
    key: str  # class key, e.g. "yes"; it picks the colour (see `class_colour`)
    value: float  # count, or share between 0 and 1 when the chart is in percent
    value_label: str = ""


@dataclass(frozen=True)
class StackedRow:
    label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Series:
    label: str
    # (x label, value): e.g. ("BMS8 2022", 0.4); None leaves a gap in the line.
    points: tuple[tuple[str, float | None], ...]
    # An answer class ("yes", "no"...): the line takes that class's colour, as bars do.
    key: str = ""
