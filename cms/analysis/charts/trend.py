"""Trend lines across reporting cycles: one line per series, broken where a value is missing."""

from django.utils import translation
from django.utils.translation import gettext

from .canvas import WIDTH, Canvas
from .layout import Scale, text_width, wrap_text
from .parts import (
    LINE_HEIGHT,
    MARGIN,
    MARKER_SHAPES,
    TICK_SIZE,
    LegendEntry,
    baseline,
    describe,
    draw_legend,
    draw_marker,
    draw_title,
    labelled,
    listed,
)
from .style import AXIS, GRID, MUTED_INK, NumberFormat, class_colours

PLOT_HEIGHT = 240


def x_label_lines(labels, slot):
    """Each x label on up to two lines; when they would collide, every second (third…) one.

    Returns the lines per label (empty for the labels left out) and the number of lines.
    """
    if not labels:
        return [], 1
    for every in range(1, len(labels) + 1):
        room = slot * every - 6
        wrapped = [wrap_text(label, room, TICK_SIZE, max_lines=2) for label in labels]
        whole = all(
            " ".join(lines) == " ".join(label.split())
            for lines, label in zip(wrapped, labels, strict=True)
        )
        if whole and all(
            text_width(line, TICK_SIZE) <= room for lines in wrapped for line in lines
        ):
            break
    shown = [lines if index % every == 0 else [] for index, lines in enumerate(wrapped)]
    return shown, max((len(lines) for lines in shown), default=1)


def _runs(values):
    """Consecutive indexes with a value: the pieces of the line between gaps."""
    run = []
    for index, value in enumerate(values):
        if value is None:
            if run:
                yield run
            run = []
        else:
            run.append(index)
    if run:
        yield run


def render_trend_chart(
    series, *, title, language, y_max=None, percent=True, description="", show_title=True
):
    """Values per x label (e.g. a reporting cycle), in the order the labels first appear.

    In percent, values are shares between 0 and 1 and the axis runs from 0 to 100 %.
    """
    series = tuple(series)
    x_labels = list(dict.fromkeys(x for line in series for x, _ in line.points))
    with translation.override(language):
        number_format = NumberFormat(language, percent)
        no_data = gettext("No data")
        values = [value for line in series for _, value in line.points if value is not None]
        scale = Scale.fit(max(values, default=0), percent=percent, maximum=y_max)
        colours = class_colours(
            [line.key or f"series-{index}" for index, line in enumerate(series)]
        )
        styles = [
            (colours[line.key or f"series-{index}"], MARKER_SHAPES[index % len(MARKER_SHAPES)])
            for index, line in enumerate(series)
        ]
        canvas = Canvas(language)
        top = draw_title(canvas, title, MARGIN) if show_title else MARGIN
        entries = [
            LegendEntry(line.label, colour, shape)
            for line, (colour, shape) in zip(series, styles, strict=True)
        ]
        top = draw_legend(canvas, entries, top)

        tick_labels = [number_format(tick) for tick in scale.ticks]
        plot_left = MARGIN + max(text_width(label, TICK_SIZE) for label in tick_labels) + 8
        plot_right = WIDTH - MARGIN
        plot_bottom = top + 8 + PLOT_HEIGHT
        slot = (plot_right - plot_left) / max(len(x_labels), 1)

        def x_of(index):
            return plot_left + slot * (index + 0.5)

        def y_of(value):
            return plot_bottom - scale.fraction(value) * PLOT_HEIGHT

        for tick, label in zip(scale.ticks, tick_labels, strict=True):
            canvas.line(plot_left, y_of(tick), plot_right, y_of(tick), stroke=GRID, stroke_width=1)
            canvas.text(
                plot_left - 6,
                baseline(y_of(tick), TICK_SIZE),
                label,
                anchor="end",
                size=TICK_SIZE,
                fill=MUTED_INK,
                class_="chart-tick",
            )
        canvas.line(plot_left, plot_bottom, plot_right, plot_bottom, stroke=AXIS, stroke_width=1)
        shown, line_count = x_label_lines(x_labels, slot)
        for index, lines in enumerate(shown):
            for number, line in enumerate(lines):
                canvas.text(
                    x_of(index),
                    plot_bottom + 16 + LINE_HEIGHT * number,
                    line,
                    anchor="middle",
                    size=TICK_SIZE,
                    fill=MUTED_INK,
                    from_data=True,
                    class_="chart-x-label",
                )

        summary = []
        for line, (colour, shape) in zip(series, styles, strict=True):
            by_x = dict(line.points)
            line_values = [by_x.get(x) for x in x_labels]
            for run in _runs(line_values):
                if len(run) > 1:
                    points = [(x_of(i), y_of(line_values[i])) for i in run]
                    canvas.element(
                        "polyline",
                        points=canvas.points(points),
                        fill="none",
                        stroke=colour,
                        stroke_width=2.5,
                        stroke_linejoin="round",
                        class_="chart-line",
                    )
            described = []
            for index, (x_label, value) in enumerate(zip(x_labels, line_values, strict=True)):
                shown_value = no_data if value is None else number_format(value)
                if x_label in by_x:
                    described.append(f"{x_label} {shown_value}")
                if value is not None:
                    draw_marker(
                        canvas,
                        shape,
                        x_of(index),
                        y_of(value),
                        colour,
                        tooltip=labelled(f"{line.label}, {x_label}", shown_value),
                        class_="chart-point",
                        data_shape=shape,
                    )
            summary.append(labelled(line.label, listed(described, language)))
        bottom = plot_bottom + 16 + LINE_HEIGHT * (line_count - 1) + MARGIN
        return canvas.render(bottom, title, description or describe(summary))
