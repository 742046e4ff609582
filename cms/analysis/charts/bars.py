"""Horizontal bar charts: one value per category, or classes stacked along each bar.

Category labels sit in a column of their own, wrapped onto up to three lines, so long
region names in any language fit; the chart grows in height with its rows.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext

from .canvas import WIDTH, Canvas
from .layout import Scale, text_width, wrap_text
from .parts import (
    FONT_SIZE,
    LINE_HEIGHT,
    MARGIN,
    TICK_SIZE,
    LegendEntry,
    baseline,
    describe,
    draw_legend,
    draw_title,
    labelled,
    listed,
)
from .style import (
    AXIS,
    BLUE,
    GRID,
    INK,
    MUTED_INK,
    WHITE,
    NumberFormat,
    class_colours,
    is_no_data,
    text_colour_on,
)

BAR_THICKNESS = 18
NO_DATA_STUB = 24  # the hatched mark that stands for a missing value
GAP = 8


@dataclass(frozen=True)
class Rows:
    label_lines: list[list[str]]
    middles: list[float]
    top: float
    bottom: float
    plot_left: float
    plot_right: float

    @property
    def plot_width(self):
        return self.plot_right - self.plot_left


def lay_out_rows(labels, top, trailing_width):
    """A label column as wide as the longest label (up to a third of the chart), then the plot."""
    inner = WIDTH - 2 * MARGIN
    widest = max((text_width(label, FONT_SIZE) for label in labels), default=0)
    label_width = min(max(widest, 48), inner * 0.34)
    label_lines = [wrap_text(label, label_width, FONT_SIZE) for label in labels]
    middles, y = [], top
    for lines in label_lines:
        height = max(BAR_THICKNESS + 10, LINE_HEIGHT * len(lines) + 8)
        middles.append(y + height / 2)
        y += height
    plot_left = MARGIN + label_width + 2 * GAP
    return Rows(label_lines, middles, top, y, plot_left, WIDTH - MARGIN - trailing_width)


def draw_value_axis(canvas, rows, scale, number_format):
    """Grid lines at the ticks behind the bars, tick labels below them, and the zero line."""
    for tick in scale.ticks:
        x = rows.plot_left + scale.fraction(tick) * rows.plot_width
        canvas.line(x, rows.top, x, rows.bottom, stroke=GRID, stroke_width=1)
        canvas.text(
            x,
            rows.bottom + 16,
            number_format(tick),
            anchor="middle",
            size=TICK_SIZE,
            fill=MUTED_INK,
            class_="chart-tick",
        )
    canvas.line(rows.plot_left, rows.top, rows.plot_left, rows.bottom, stroke=AXIS, stroke_width=1)
    return rows.bottom + 16 + MARGIN


def draw_row_labels(canvas, rows):
    for lines, middle in zip(rows.label_lines, rows.middles, strict=True):
        first = middle - LINE_HEIGHT * (len(lines) - 1) / 2
        for number, line in enumerate(lines):
            canvas.text(
                rows.plot_left - GAP,
                baseline(first + LINE_HEIGHT * number),
                line,
                anchor="end",
                from_data=True,
                class_="chart-label",
            )


def draw_no_data(canvas, rows, middle, label, no_data):
    canvas.rect(
        rows.plot_left,
        middle - BAR_THICKNESS / 2,
        NO_DATA_STUB,
        BAR_THICKNESS,
        tooltip=labelled(label, no_data),
        fill=canvas.hatch,
        class_="chart-no-data",
    )
    canvas.text(rows.plot_left + NO_DATA_STUB + 6, baseline(middle), no_data)


def render_bar_chart(
    bars, *, title, language, max_value=None, percent=False, description="", show_title=True
):
    """One horizontal bar per category; in percent, values are shares between 0 and 1."""
    bars = tuple(bars)
    with translation.override(language):
        number_format = NumberFormat(language, percent)
        no_data = gettext("No data")
        values = [bar.value for bar in bars if bar.value is not None]
        scale = Scale.fit(max(values, default=0), percent=percent, maximum=max_value)
        value_labels = [
            bar.value_label or (no_data if bar.value is None else number_format(bar.value))
            for bar in bars
        ]
        canvas = Canvas(language)
        top = draw_title(canvas, title, MARGIN) if show_title else MARGIN
        trailing = max((text_width(label, FONT_SIZE) for label in value_labels), default=0)
        rows = lay_out_rows([bar.label for bar in bars], top, trailing + GAP)
        bottom = draw_value_axis(canvas, rows, scale, number_format)
        for bar, value_label, middle in zip(bars, value_labels, rows.middles, strict=True):
            if bar.value is None:
                draw_no_data(canvas, rows, middle, bar.label, no_data)
                continue
            length = scale.fraction(bar.value) * rows.plot_width
            canvas.rect(
                rows.plot_left,
                middle - BAR_THICKNESS / 2,
                length,
                BAR_THICKNESS,
                tooltip=labelled(bar.label, value_label),
                fill=BLUE,
                class_="chart-bar",
            )
            canvas.text(
                rows.plot_left + length + 6,
                baseline(middle),
                value_label,
                from_data=bool(bar.value_label),
                class_="chart-value",
            )
        draw_row_labels(canvas, rows)
        summary = describe(
            labelled(bar.label, label) for bar, label in zip(bars, value_labels, strict=True)
        )
        return canvas.render(bottom, title, description or summary)


def render_stacked_bar_chart(
    rows, classes, *, title, language, percent=True, description="", show_title=True
):
    """Each row's segments side by side, in the order of `classes` ((key, label) pairs).

    In percent, segment values are shares between 0 and 1; otherwise counts.
    """
    stacked_rows = tuple(rows)
    classes = list(classes)
    known = {key for key, _ in classes}
    for row in stacked_rows:  # a class the caller did not name is still drawn and explained
        for segment in row.segments:
            if segment.key not in known:
                classes.append((segment.key, segment.key))
                known.add(segment.key)
    with translation.override(language):
        number_format = NumberFormat(language, percent)
        no_data = gettext("No data")
        canvas = Canvas(language)
        colours = class_colours([key for key, _ in classes])
        fills = {key: canvas.hatch if is_no_data(key) else colours[key] for key in colours}
        class_labels = dict(classes)
        totals = [sum(segment.value for segment in row.segments) for row in stacked_rows]
        scale = Scale.fit(max(totals, default=0), percent=percent)

        top = draw_title(canvas, title, MARGIN) if show_title else MARGIN
        top = draw_legend(canvas, [LegendEntry(label, fills[key]) for key, label in classes], top)
        # Room for the last tick's label, centred on the end of the axis.
        trailing = text_width(number_format(scale.top), TICK_SIZE) / 2
        layout = lay_out_rows([row.label for row in stacked_rows], top, trailing)
        bottom = draw_value_axis(canvas, layout, scale, number_format)
        summary = []
        for row, total, middle in zip(stacked_rows, totals, layout.middles, strict=True):
            if total <= 0:
                draw_no_data(canvas, layout, middle, row.label, no_data)
                summary.append(labelled(row.label, no_data))
                continue
            described, reached = [], 0.0
            for segment in row.segments:
                value_label = segment.value_label or number_format(segment.value)
                class_label = class_labels[segment.key]
                described.append(f"{class_label} {value_label}")
                start = layout.plot_left + scale.fraction(reached) * layout.plot_width
                reached += segment.value
                width = layout.plot_left + scale.fraction(reached) * layout.plot_width - start
                if width <= 0:
                    continue
                canvas.rect(
                    start,
                    middle - BAR_THICKNESS / 2,
                    width,
                    BAR_THICKNESS,
                    tooltip=labelled(f"{row.label} – {class_label}", value_label),
                    fill=fills[segment.key],
                    stroke=WHITE,
                    stroke_width=1,
                    class_="chart-segment",
                    data_key=segment.key,
                )
                if text_width(value_label, TICK_SIZE) + 6 <= width:
                    on = INK if is_no_data(segment.key) else text_colour_on(colours[segment.key])
                    canvas.text(
                        start + width / 2,
                        baseline(middle, TICK_SIZE),
                        value_label,
                        anchor="middle",
                        size=TICK_SIZE,
                        fill=on,
                        class_="chart-value",
                        from_data=bool(segment.value_label),
                    )
            summary.append(labelled(row.label, listed(described, language)))
        draw_row_labels(canvas, layout)
        return canvas.render(bottom, title, description or describe(summary))
