"""The analysis screen of the admin: pick a figure, a cycle and States; see the map, the chart
and the table; download them."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from . import pictures, tables
from .api.params import latest_reported_cycle
from .figures import question_figures, question_trend
from .forms import AnalysisForm
from .labels import number
from .rates import never_reported, reported_cycles, reporting_rates, status_by_state
from .states import reporting_states, scope_label


def analysis_screen(request):
    language = get_language()
    form = AnalysisForm(request.GET or None, language, latest_reported_cycle())
    states = reporting_states(language)
    cycle, scope = form.chosen_cycle, form.chosen_scope
    instrument = form.chosen_instrument
    scope_name = scope_label(scope, language)
    context = {"form": form, "cycle": cycle, "scope_name": scope_name}
    query = {
        key: value
        for key, value in {
            "cycle": cycle.code if cycle else "",
            "region": scope.region,
            "group": scope.group,
            "instrument": instrument,
            "locale": language,
        }.items()
        if value
    }
    question = form.chosen_question
    if cycle is None:
        pass
    elif question is None:
        rates = reporting_rates([cycle], scope, states, instrument)
        _cycle, total, _areas = rates[0]
        context.update(
            figure_heading=_("Reporting rates"),
            summary=_("%(reported)s of %(states)s States reported for the %(cycle)s.")
            % {
                "reported": number(total.reported, language),
                "states": number(total.states, language),
                "cycle": cycle.label,
            },
            map=pictures.reporting_map(
                status_by_state(cycle, scope, states),
                states,
                _("National reports, %(cycle)s") % {"cycle": cycle.label},
                language,
            ),
            table=tables.rates_table(rates, scope_name, language),
            never_reported=never_reported(scope, states, instrument),
            downloads=downloads(
                "analysis-reporting-rates", query, chart="analysis-reporting-chart"
            ),
        )
    else:
        figures = question_figures(question, cycle, scope, states, instrument)
        title = question.text_in(language)
        query["question"] = question.code
        context.update(
            figure_heading=title,
            question=question,
            base=figures.total,
            summary=ngettext(
                "Based on %(count)s published report of %(states)s States.",
                "Based on %(count)s published reports of %(states)s States.",
                figures.total.reported,
            )
            % {
                "count": number(figures.total.reported, language),
                "states": number(figures.total.states, language),
            },
            map=pictures.answer_map(figures, states, title, language),
            chart=pictures.answer_chart(figures, scope_name, title, language),
            trend=pictures.trend_chart(
                question,
                question_trend(question, list(reported_cycles()), scope, states),
                title,
                language,
            ),
            table=tables.answer_table(figures, scope_name, language),
            state_table=tables.state_table(figures, states, language),
            downloads=downloads("analysis-answers", query, chart="analysis-answers-chart"),
        )
    return TemplateResponse(request, "analysis/admin/analysis.html", context)


def downloads(endpoint, query, chart):
    """Links to the same figures through the API: the tables as files, the pictures as SVG."""
    base = reverse(endpoint)
    map_endpoint = "analysis-answers-map" if "question" in query else "analysis-reporting-map"
    return [
        (_("Table (CSV)"), f"{base}?{urlencode({**query, 'download': 'csv'})}"),
        (_("Table (Excel)"), f"{base}?{urlencode({**query, 'download': 'xlsx'})}"),
        (_("Map (SVG)"), f"{reverse(map_endpoint)}?{urlencode(query)}"),
        (_("Chart (SVG)"), f"{reverse(chart)}?{urlencode(query)}"),
    ]
