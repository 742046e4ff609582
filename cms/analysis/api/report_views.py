"""The printed analysis of national reports: GET /api/v2/analysis/report.pdf."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView

from cms.api.caching import request_content_state
from cms.api.languages import QueryParameterError, language_or_default
from cms.api.schema import ERROR, LOCALE

from .. import report_pdf
from . import params

CYCLE_PARAM = OpenApiParameter(
    "cycle",
    str,
    description="Reporting cycle code, e.g. BMS9. Default: the latest cycle with reports.",
)
MAPS_PARAM = OpenApiParameter(
    "maps",
    str,
    enum=list(report_pdf.MAP_CHOICES),
    description="`key` (default): world maps of the key questions; `all`: of every "
    "yes / no question (a longer document, about twice as slow to draw).",
)
CACHE_PREFIX = "poaiss:analysis:report-pdf"


class PdfOrJsonErrors(BaseContentNegotiation):
    """The document is a PDF and an error is JSON, whatever the client says it accepts.

    PDF readers and browsers ask for application/pdf, which the API's renderers would refuse
    with a 406 before the view runs; the first renderer (JSON) is kept for the errors.
    """

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def maps_param(request):
    mapped = request.query_params.get("maps", "").strip() or report_pdf.MAPS_KEY
    if mapped not in report_pdf.MAP_CHOICES:
        raise QueryParameterError(
            "maps",
            _("Unknown choice of maps %(value)r; use one of %(known)s.")
            % {"value": mapped, "known": ", ".join(report_pdf.MAP_CHOICES)},
        )
    return mapped


def rendered_pdf(request, cycle, language, mapped):
    """The document, drawn once per content version and day and shared between processes.

    Drawing it takes half a minute of CPU; publishing or withdrawing a report changes the content
    version, and the date printed on the cover changes with the day.
    """
    timeout = settings.API_RESPONSE_CACHE_TIMEOUT
    version = request_content_state(request)["version"]
    key = ":".join(
        (CACHE_PREFIX, version, timezone.localdate().isoformat(), cycle.code, language, mapped)
    )
    pdf = cache.get(key) if timeout else None
    if pdf is None:
        pdf = report_pdf.render_pdf(cycle, language, mapped)
        if timeout:
            cache.set(key, pdf, timeout=timeout)
    return pdf


class ReportPdfView(APIView):
    """The analysis of the national reports of one cycle, as a PDF in one language.

    Only published reports count, as in the other analysis endpoints, so it is public.
    """

    permission_classes = [permissions.AllowAny]
    content_negotiation_class = PdfOrJsonErrors

    @extend_schema(
        operation_id="analysis_report_pdf",
        summary="Analysis of national reports of one cycle (PDF)",
        tags=["analysis"],
        parameters=[CYCLE_PARAM, LOCALE, MAPS_PARAM],
        responses={(200, report_pdf.CONTENT_TYPE): OpenApiTypes.BINARY, 400: ERROR},
    )
    def get(self, request):
        language = language_or_default(request)
        with translation.override(language):
            cycle = params.cycle_param(request)
            mapped = maps_param(request)
        pdf = rendered_pdf(request, cycle, language, mapped)
        response = HttpResponse(pdf, content_type=report_pdf.CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="analysis-{cycle.code}-{language}.pdf"'
        response["Content-Language"] = language
        return response
