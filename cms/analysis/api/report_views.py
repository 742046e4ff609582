"""The printed analysis of national reports: GET /api/v2/analysis/report.pdf."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView

from cms.api.caching import request_content_state
from cms.api.languages import QueryParameterError, language_or_default
from cms.api.schema import ERROR, LOCALE

from .. import report_pdf
from ..tasks import draw_report_pdf
from . import params

logger = logging.getLogger(__name__)

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


class DrawingSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["drawing"])
    detail = serializers.CharField()
    retry_after = serializers.IntegerField(help_text="Seconds to wait before asking again.")


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


PENDING_SECONDS = 600
RETRY_AFTER_SECONDS = 15


def rendered_pdf(request, cycle, language, mapped):
    """The document if it is drawn, else None once a worker has been asked to draw it.

    Drawing takes half a minute of CPU, so with a worker it is drawn there, once per content
    version and day (publishing or withdrawing a report changes the version; the cover
    prints the date), and shared between processes through the cache. Without a worker
    (eager tasks), with the broker down or the cache unavailable, it is drawn in the request.
    """
    timeout = settings.API_RESPONSE_CACHE_TIMEOUT
    if not timeout:
        return report_pdf.render_pdf(cycle, language, mapped)
    version = request_content_state(request)["version"]
    key = ":".join(
        (CACHE_PREFIX, version, timezone.localdate().isoformat(), cycle.code, language, mapped)
    )
    pdf = cache.get(key)
    if pdf is not None:
        return pdf
    if not draw_report_pdf.app.conf.task_always_eager:
        pending_key = f"{key}:pending"
        if not cache.add(pending_key, 1, timeout=PENDING_SECONDS):
            if cache.get(pending_key) is not None:
                return None  # another request has asked already
        else:
            try:
                draw_report_pdf.apply_async(
                    (cycle.code, language, mapped, key, pending_key, timeout), retry=False
                )
                return None
            except Exception:  # the broker is down: draw it here rather than fail
                logger.warning("Broker unavailable; drawing the analysis PDF in the request")
                cache.delete(pending_key)
    pdf = report_pdf.render_pdf(cycle, language, mapped)
    cache.set(key, pdf, timeout=timeout)
    return pdf


def drawing_response(language):
    """202: the document is being drawn; ask again after Retry-After seconds."""
    with translation.override(language):
        detail = _("The document is being drawn. Ask again in a few seconds.")
    response = JsonResponse(
        {"status": "drawing", "detail": detail, "retry_after": RETRY_AFTER_SECONDS}, status=202
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


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
        responses={
            (200, report_pdf.CONTENT_TYPE): OpenApiTypes.BINARY,
            202: OpenApiResponse(
                DrawingSerializer,
                description="The document is being drawn by a worker; ask again after "
                "the Retry-After header's seconds.",
            ),
            400: ERROR,
        },
    )
    def get(self, request):
        language = language_or_default(request)
        with translation.override(language):
            cycle = params.cycle_param(request)
            mapped = maps_param(request)
        pdf = rendered_pdf(request, cycle, language, mapped)
        if pdf is None:
            return drawing_response(language)
        response = HttpResponse(pdf, content_type=report_pdf.CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="analysis-{cycle.code}-{language}.pdf"'
        response["Content-Language"] = language
        return response
