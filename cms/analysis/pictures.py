"""Maps and charts of the figures, drawn as SVG by `maps` and `charts`."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.library.overview import STATUS_LABELS as REPORTING_LABELS
from cms.library.questionnaire.answers import STATUS_VALUES

from . import charts, maps
from .figures import NOT_ANSWERED, NOT_REPORTED
from .labels import ANSWER_CLASSES, ANSWER_LABELS, REPORTING_CLASSES, answer_label, number, percent
from .states import region_names

# Number answers are mapped in these many classes of about the same number of States.
NUMBER_CLASSES = 4


def counted(label, count, language):
    return _("%(label)s (%(count)s)") % {"label": label, "count": number(count, language)}


def number_classes(values, language):
    """Classes of about equal size over the numbers answered: [(key, low, high, label)]."""
    ordered = sorted(set(values))
    if not ordered:
        return []
    size = max(1, -(-len(ordered) // NUMBER_CLASSES))
    classes = []
    for start in range(0, len(ordered), size):
        low, high = ordered[start], ordered[min(start + size, len(ordered)) - 1]
        label = (
            number(low, language)
            if low == high
            else _("%(low)s to %(high)s")
            % {"low": number(low, language), "high": number(high, language)}
        )
        classes.append((f"range-{len(classes) + 1}", low, high, label))
    return classes


def answer_map_classes(figures, states, language):
    """(areas, classes, ordered): one question's answers in one cycle, as the map colours them."""
    values = figures.by_state
    areas, counts = [], {}
    if figures.question.answer_type == "yes_no_in_development":
        keys = ANSWER_CLASSES
        labels = {key: str(ANSWER_LABELS[key]) for key in keys}
        ordered = False

        def class_of(value):
            return value if value in (NOT_ANSWERED, NOT_REPORTED) else value[0]

    else:
        ranges = number_classes(
            [value[1] for value in values.values() if isinstance(value, tuple)], language
        )
        keys = [key for key, *_rest in ranges] + [NOT_ANSWERED, NOT_REPORTED]
        labels = {key: label for key, _low, _high, label in ranges}
        labels.update({key: str(ANSWER_LABELS[key]) for key in (NOT_ANSWERED, NOT_REPORTED)})
        ordered = True

        def class_of(value):
            if value in (NOT_ANSWERED, NOT_REPORTED):
                return value
            return next(key for key, low, high, _label in ranges if low <= value[1] <= high)

    for code, value in values.items():
        key = class_of(value)
        counts[key] = counts.get(key, 0) + 1
        areas.append(
            maps.MapArea(
                code=code,
                name=states[code].name,
                klass=key,
                value_label=answer_label(value, language),
            )
        )
    classes = [
        maps.MapClass(key=key, label=counted(labels[key], counts.get(key, 0), language))
        for key in keys
    ]
    return areas, classes, ordered


def answer_map(figures, states, title, language):
    """The world map of one question's answers in one cycle."""
    areas, classes, ordered = answer_map_classes(figures, states, language)
    return maps.render_world_map(
        areas,
        classes,
        title=title,
        language=language,
        description=ngettext(
            "Based on %(count)s published report.",
            "Based on %(count)s published reports.",
            figures.total.reported,
        )
        % {"count": number(figures.total.reported, language)},
        ordered=ordered,
    )


def reporting_map_classes(statuses, states, language):
    """(areas, classes): who reported in a cycle, as the map colours them."""
    counts = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    areas = [
        maps.MapArea(
            code=code,
            name=states[code].name,
            klass=status,
            value_label=str(REPORTING_LABELS[status]),
        )
        for code, status in statuses.items()
    ]
    classes = [
        maps.MapClass(
            key=key, label=counted(str(REPORTING_LABELS[key]), counts.get(key, 0), language)
        )
        for key in REPORTING_CLASSES
    ]
    return areas, classes


def reporting_map(statuses, states, title, language):
    areas, classes = reporting_map_classes(statuses, states, language)
    return maps.render_world_map(areas, classes, title=title, language=language)


def answer_chart(figures, scope_name, title, language, show_title=True):
    """Stacked bars: the scope and each area below it, by answer, as shares of reports."""
    names = region_names(language)
    question = figures.question
    if question.answer_type != "yes_no_in_development":
        bars = [
            charts.Bar(
                label=names.get(tally.code, tally.code) if tally.code else scope_name,
                value=tally.total,
                value_label=number(tally.total, language),
            )
            for tally in [figures.total, *figures.areas]
        ]
        return charts.render_bar_chart(bars, title=title, language=language, show_title=show_title)
    rows = []
    for tally in [figures.total, *figures.areas]:
        label = names.get(tally.code, tally.code) if tally.code else scope_name
        label = ngettext(
            "%(area)s (%(count)s report)", "%(area)s (%(count)s reports)", tally.reported
        ) % {
            "area": label,
            "count": number(tally.reported, language),
        }
        segments = [
            charts.Segment(
                key=status,
                value=tally.share(status) or 0,
                value_label=percent(tally.share(status), language),
            )
            for status in STATUS_VALUES
        ]
        segments.append(
            charts.Segment(
                key=NOT_ANSWERED,
                value=(tally.not_answered / tally.reported) if tally.reported else 0,
                value_label=percent(
                    tally.not_answered / tally.reported if tally.reported else None, language
                ),
            )
        )
        rows.append(charts.StackedRow(label=label, segments=tuple(segments)))
    classes = [(key, str(ANSWER_LABELS[key])) for key in [*STATUS_VALUES, NOT_ANSWERED]]
    return charts.render_stacked_bar_chart(
        rows, classes, title=title, language=language, show_title=show_title
    )


def trend_chart(question, trend, title, language):
    if question.answer_type == "yes_no_in_development":
        series = [
            charts.Series(
                key=status,
                label=str(ANSWER_LABELS[status]),
                points=tuple(
                    (f"{cycle.code} {cycle.year}", tally.share(status)) for cycle, tally in trend
                ),
            )
            for status in STATUS_VALUES
        ]
        return charts.render_trend_chart(series, title=title, language=language, percent=True)
    series = [
        charts.Series(
            label=_("Total"),
            points=tuple((f"{cycle.code} {cycle.year}", tally.total) for cycle, tally in trend),
        )
    ]
    return charts.render_trend_chart(series, title=title, language=language, percent=False)


def rates_chart(rates, title, language, show_title=True):
    bars = [
        charts.Bar(
            label=f"{cycle.code} {cycle.year}",
            value=total.share,
            value_label=_("%(share)s (%(reported)s of %(states)s)")
            % {
                "share": percent(total.share, language),
                "reported": number(total.reported, language),
                "states": number(total.states, language),
            },
        )
        for cycle, total, _areas in rates
    ]
    return charts.render_bar_chart(
        bars, title=title, language=language, max_value=1, percent=True, show_title=show_title
    )
