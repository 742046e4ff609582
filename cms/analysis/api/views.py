"""The analysis endpoints under /api/v2/analysis/: figures as JSON, CSV or XLSX, pictures as SVG."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.languages import QueryParameterError, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.models import CountryGroup
from cms.library.models import ReportingCycle

from .. import pictures, tables
from ..downloads import download
from ..figures import question_catalogue, question_figures, question_trend, state_changes
from ..labels import answer_label
from ..models import StateReport
from ..rates import never_reported, reporting_rates, status_by_state
from ..states import region_names, scope_label
from . import params
from .serializers import (
    ANSWER_FIGURES,
    CHANGES,
    QUESTION,
    REPORTING_RATES,
    TREND,
    answer_code,
    cycle_data,
    question_data,
    rate_data,
    tally_data,
)

DOWNLOADS = ("csv", "xlsx")
SVG = "image/svg+xml"
QUESTION_PARAM = OpenApiParameter(
    "question",
    str,
    required=True,
    description="The question's code, e.g. `poa-ii-5-point-of-contact`.",
)
CYCLE_PARAM = OpenApiParameter(
    "cycle",
    str,
    description="Reporting cycle code, e.g. BMS8. Default: the latest cycle with reports.",
)
CYCLES_PARAM = OpenApiParameter(
    "cycle",
    str,
    description="Reporting cycle codes, repeated or separated by commas. Default: all.",
)
REGION_PARAM = OpenApiParameter(
    "region", str, description="UN M49 region, sub-region or intermediate region, e.g. 002."
)
GROUP_PARAM = OpenApiParameter("group", str, enum=["ldc", "lldc", "sids"])
INSTRUMENT_PARAM = OpenApiParameter(
    "instrument", str, enum=list(params.INSTRUMENTS), description="Count only reports on it."
)
DOWNLOAD_PARAM = OpenApiParameter(
    "download", str, enum=list(DOWNLOADS), description="The tables as a file instead of JSON."
)
FILTERS = [LOCALE, REGION_PARAM, GROUP_PARAM, INSTRUMENT_PARAM]
TABLE_FILES = {
    (200, "text/csv"): OpenApiTypes.STR,
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
}


def svg_response(svg):
    response = HttpResponse(svg, content_type=SVG)
    # Drawn from data, never from markup; still, an SVG opened on its own may run nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def download_param(request):
    file_format = request.query_params.get("download", "").strip()
    if file_format and file_format not in DOWNLOADS:
        raise QueryParameterError(
            "download",
            _("Unknown file format %(format)r; use csv or xlsx.") % {"format": file_format},
        )
    return file_format


class AnalysisView(APIView):
    permission_classes = [permissions.AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = language_or_default(request)
        self.states = params.states_for(request, self.language)

    def scope(self):
        scope = params.scope_param(self.request)
        return scope, scope_label(scope, self.language)


class QuestionListView(AnalysisView):
    """The questions the analysis counts: status, number and list answers."""

    @extend_schema(
        operation_id="analysis_questions",
        summary="Questions the analysis counts",
        tags=["analysis"],
        parameters=[LOCALE],
        responses={200: QUESTION.__class__(many=True)},
    )
    def get(self, request):
        with translation.override(self.language):
            return Response(
                [question_data(q, self.language) for q in question_catalogue().values()]
            )


class AnswerFiguresMixin:
    def figures(self):
        question = params.question_param(self.request.query_params.get("question", "").strip())
        cycle = params.cycle_param(self.request)
        scope, scope_name = self.scope()
        instrument = params.instrument_param(self.request)
        figures = question_figures(question, cycle, scope, self.states, instrument)
        return figures, scope_name


class AnswerFiguresView(AnswerFiguresMixin, AnalysisView):
    """How the reporting States answered one question in one cycle, by area and group."""

    @extend_schema(
        operation_id="analysis_answers",
        summary="Answers to one question in one cycle",
        tags=["analysis"],
        parameters=[QUESTION_PARAM, CYCLE_PARAM, *FILTERS, DOWNLOAD_PARAM],
        responses={200: ANSWER_FIGURES, 400: ERROR, **TABLE_FILES},
    )
    def get(self, request):
        file_format = download_param(request)
        with translation.override(self.language):
            figures, scope_name = self.figures()
            if file_format:
                return download(
                    [
                        tables.answer_table(figures, scope_name, self.language),
                        tables.state_table(figures, self.states, self.language),
                    ],
                    f"{figures.question.code}-{figures.cycle.code}",
                    file_format,
                )
            return Response(self.answer_data(figures, scope_name))

    def answer_data(self, figures, scope_name):
        names = region_names(self.language)
        return {
            "question": question_data(figures.question, self.language),
            "cycle": cycle_data(figures.cycle),
            "scope": scope_name,
            "total": tally_data(figures.total, scope_name),
            "areas": [tally_data(t, names.get(t.code, t.code)) for t in figures.areas],
            "groups": [tally_data(t, str(CountryGroup(t.code).label)) for t in figures.groups],
            "states": [
                {
                    "code": code,
                    "name": self.states[code].name,
                    "answer": answer_code(value),
                    "label": answer_label(value, self.language),
                }
                for code, value in figures.by_state.items()
            ],
        }


class AnswerMapView(AnswerFiguresMixin, AnalysisView):
    """The world map of one question's answers in one cycle (SVG)."""

    @extend_schema(
        operation_id="analysis_answers_map",
        summary="World map of the answers to one question",
        tags=["analysis"],
        parameters=[QUESTION_PARAM, CYCLE_PARAM, *FILTERS],
        responses={(200, SVG): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            figures, _scope_name = self.figures()
            cycle = figures.cycle
            title = f"{figures.question.text_in(self.language)} ({cycle.code} {cycle.year})"
            return svg_response(pictures.answer_map(figures, self.states, title, self.language))


class AnswerChartView(AnswerFiguresMixin, AnalysisView):
    """The answers to one question by area, as a stacked bar chart (SVG)."""

    @extend_schema(
        operation_id="analysis_answers_chart",
        summary="Chart of the answers to one question by area",
        tags=["analysis"],
        parameters=[QUESTION_PARAM, CYCLE_PARAM, *FILTERS],
        responses={(200, SVG): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            figures, scope_name = self.figures()
            title = figures.question.text_in(self.language)
            return svg_response(pictures.answer_chart(figures, scope_name, title, self.language))


class TrendMixin:
    def trend(self):
        question = params.question_param(self.request.query_params.get("question", "").strip())
        cycles = params.cycles_param(self.request)
        scope, scope_name = self.scope()
        instrument = params.instrument_param(self.request)
        return (
            question,
            question_trend(question, cycles, scope, self.states, instrument),
            scope_name,
        )


class TrendView(TrendMixin, AnalysisView):
    """How the answers to one question moved from cycle to cycle."""

    @extend_schema(
        operation_id="analysis_trend",
        summary="Trend of the answers to one question",
        tags=["analysis"],
        parameters=[QUESTION_PARAM, CYCLES_PARAM, *FILTERS, DOWNLOAD_PARAM],
        responses={200: TREND, 400: ERROR, **TABLE_FILES},
    )
    def get(self, request):
        file_format = download_param(request)
        with translation.override(self.language):
            question, trend, scope_name = self.trend()
            if file_format:
                return download(
                    [tables.trend_table(question, trend, self.language)],
                    f"{question.code}-trend",
                    file_format,
                )
            return Response(
                {
                    "question": question_data(question, self.language),
                    "scope": scope_name,
                    "cycles": [
                        {"cycle": cycle_data(cycle), "figures": tally_data(tally, scope_name)}
                        for cycle, tally in trend
                    ],
                }
            )


class TrendChartView(TrendMixin, AnalysisView):
    """The trend of one question's answers as a line chart (SVG)."""

    @extend_schema(
        operation_id="analysis_trend_chart",
        summary="Chart of the trend of one question",
        tags=["analysis"],
        parameters=[QUESTION_PARAM, CYCLES_PARAM, *FILTERS],
        responses={(200, SVG): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            question, trend, _scope_name = self.trend()
            return svg_response(
                pictures.trend_chart(
                    question, trend, question.text_in(self.language), self.language
                )
            )


class RatesMixin:
    def rates(self):
        cycles = params.cycles_param(self.request)
        scope, scope_name = self.scope()
        instrument = params.instrument_param(self.request)
        return cycles, scope, scope_name, instrument


class ReportingRatesView(RatesMixin, AnalysisView):
    """How many States reported in each cycle, by area and instrument, and who never did."""

    @extend_schema(
        operation_id="analysis_reporting_rates",
        summary="Reporting rates by cycle and area",
        tags=["analysis"],
        parameters=[CYCLES_PARAM, *FILTERS, DOWNLOAD_PARAM],
        responses={200: REPORTING_RATES, 400: ERROR, **TABLE_FILES},
    )
    def get(self, request):
        file_format = download_param(request)
        with translation.override(self.language):
            cycles, scope, scope_name, instrument = self.rates()
            rates = reporting_rates(cycles, scope, self.states, instrument)
            if file_format:
                return download(
                    [tables.rates_table(rates, scope_name, self.language)],
                    "reporting-rates",
                    file_format,
                )
            names = region_names(self.language)
            return Response(
                {
                    "scope": scope_name,
                    "instrument": instrument,
                    "cycles": [
                        {
                            "cycle": cycle_data(cycle),
                            "total": rate_data(total, scope_name),
                            "areas": [rate_data(a, names.get(a.code, a.code)) for a in areas],
                        }
                        for cycle, total, areas in rates
                    ],
                    "never_reported": [
                        {"code": state.code, "name": state.name}
                        for state in never_reported(scope, self.states, instrument)
                    ],
                }
            )


class ReportingMapView(AnalysisView):
    """The world map of who reported in one cycle, on which instrument (SVG)."""

    @extend_schema(
        operation_id="analysis_reporting_map",
        summary="World map of reporting in one cycle",
        tags=["analysis"],
        parameters=[CYCLE_PARAM, LOCALE, REGION_PARAM, GROUP_PARAM],
        responses={(200, SVG): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            cycle = params.cycle_param(request)
            scope, _scope_name = self.scope()
            statuses = status_by_state(cycle, scope, self.states)
            title = _("National reports, %(cycle)s") % {"cycle": cycle.label}
            return svg_response(pictures.reporting_map(statuses, self.states, title, self.language))


class ReportingChartView(RatesMixin, AnalysisView):
    """Reporting rates by cycle as a bar chart (SVG)."""

    @extend_schema(
        operation_id="analysis_reporting_chart",
        summary="Chart of reporting rates by cycle",
        tags=["analysis"],
        parameters=[CYCLES_PARAM, *FILTERS],
        responses={(200, SVG): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            cycles, scope, scope_name, instrument = self.rates()
            rates = reporting_rates(cycles, scope, self.states, instrument)
            title = _("Reporting rate: %(scope)s") % {"scope": scope_name}
            return svg_response(pictures.rates_chart(rates, title, self.language))


class StateChangesView(AnalysisView):
    """Which answers of one State changed from each of its reports to the next."""

    @extend_schema(
        operation_id="analysis_state_changes",
        summary="Changes in one State's answers between its reports",
        tags=["analysis"],
        parameters=[
            LOCALE,
            OpenApiParameter("country", str, required=True, description="ISO alpha-2 code."),
        ],
        responses={200: CHANGES, 400: ERROR},
    )
    def get(self, request):
        with translation.override(self.language):
            state = params.country_param(
                request, self.states, request.query_params.get("country", "").strip().upper()
            )
            cycle_ids = StateReport.objects.filter(country_code=state.code).values("cycle_id")
            cycles = list(ReportingCycle.objects.filter(pk__in=cycle_ids).order_by("year", "code"))
            comparisons = []
            for before, after in zip(cycles, cycles[1:], strict=False):
                comparisons.append(
                    {
                        "before": cycle_data(before),
                        "after": cycle_data(after),
                        "changes": [
                            {
                                "question": question_data(change.question, self.language),
                                "before": change.before,
                                "after": change.after,
                                "direction": change.direction,
                            }
                            for change in state_changes(state.code, before, after)
                        ],
                    }
                )
            return Response(
                {"state": {"code": state.code, "name": state.name}, "comparisons": comparisons}
            )
