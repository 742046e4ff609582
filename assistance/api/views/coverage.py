"""/api/v2/assistance/coverage/: the coverage report, as JSON or as a file."""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from assistance import reports
from assistance.reports import coverage
from cms.api.languages import language_or_default
from cms.api.schema import ERROR, LOCALE

from ..filters import CoverageFilter
from ..renderers import (
    CoverageCsvRenderer,
    CoverageFileRenderer,
    CoveragePdfRenderer,
    CoverageXlsxRenderer,
    FilesByFormatOnly,
)

COVERAGE_ROW = inline_serializer(
    "CoverageRow",
    {
        "region": serializers.CharField(),
        "region_name": serializers.CharField(),
        "theme": serializers.CharField(),
        "theme_name": serializers.CharField(),
        "needs": serializers.IntegerField(),
        "requested_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
        "matched_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
        "funded_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
        "gap_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
    },
)
NEED_REFERENCE = inline_serializer(
    "CoverageNeed",
    {
        "id": serializers.IntegerField(),
        "title": serializers.CharField(),
        "country": serializers.CharField(),
        "amount_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
    },
)
FEEDBACK_ROW = inline_serializer(
    "CoverageFeedback",
    {
        "region": serializers.CharField(),
        "region_name": serializers.CharField(),
        "theme": serializers.CharField(),
        "theme_name": serializers.CharField(),
        "matches": serializers.IntegerField(help_text="Funded or completed matches rated."),
        "recipient_rating": serializers.FloatField(allow_null=True),
        "recipient_met": serializers.IntegerField(),
        "recipient_answers": serializers.IntegerField(),
        "provider_rating": serializers.FloatField(allow_null=True),
        "provider_met": serializers.IntegerField(),
        "provider_answers": serializers.IntegerField(),
    },
)
COVERAGE = inline_serializer(
    "Coverage",
    {
        "requested_locale": serializers.CharField(),
        "rows": COVERAGE_ROW.__class__(many=True),
        "totals": inline_serializer(
            "CoverageTotals",
            {
                "needs": serializers.IntegerField(),
                "requested_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
                "matched_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
                "funded_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
                "gap_usd": serializers.DecimalField(max_digits=16, decimal_places=2),
            },
        ),
        "unmatched_needs": NEED_REFERENCE.__class__(many=True),
        "duplication": serializers.ListField(child=serializers.DictField()),
        "synergies": serializers.ListField(child=serializers.DictField()),
        "feedback": FEEDBACK_ROW.__class__(many=True),
    },
)


class CoverageView(APIView):
    """Coverage by region and thematic area, for the informal meetings of interested States.

    JSON by default; `?format=csv`, `xlsx` or `pdf` gives the report as a file, with the same
    figures (what the reader may see) and headings in the language asked for.
    """

    permission_classes = [permissions.AllowAny]
    filterset_class = CoverageFilter
    renderer_classes = [
        *api_settings.DEFAULT_RENDERER_CLASSES,
        CoverageCsvRenderer,
        CoverageXlsxRenderer,
        CoveragePdfRenderer,
    ]
    content_negotiation_class = FilesByFormatOnly

    @extend_schema(
        operation_id="assistance_coverage",
        parameters=[
            LOCALE,
            OpenApiParameter("region", str, description="UN M49 region code"),
            OpenApiParameter("theme", str, description="Thematic area code"),
            OpenApiParameter("country", str, description="ISO alpha-2 code"),
            OpenApiParameter("year", {"type": "integer", "minimum": 1990, "maximum": 2100}),
            OpenApiParameter(
                "format",
                str,
                enum=["json", *reports.FORMATS],
                description="json (default), or the report as a csv, xlsx or pdf file "
                "(Content-Disposition names it coverage-<locale>.<format>).",
            ),
        ],
        responses={
            (200, "application/json"): COVERAGE,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, reports.CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
            (200, reports.CONTENT_TYPES["pdf"]): OpenApiTypes.BINARY,
            (400, "application/json"): ERROR,
        },
    )
    def get(self, request):
        language = language_or_default(request)
        filterset = CoverageFilter(request.GET, queryset=coverage.counted_needs(request.user))
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        with translation.override(language):
            report = coverage.build(filterset.qs, language)
        report["requested_locale"] = language
        response = Response(report, status=status.HTTP_200_OK)
        file_format = getattr(request.accepted_renderer, "format", None)
        if file_format in reports.FORMATS:
            response["Content-Disposition"] = (
                f'attachment; filename="{reports.filename(file_format, language)}"'
            )
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors are answered in JSON, whatever file was asked for.
        if response.status_code >= 400 and isinstance(
            getattr(response, "accepted_renderer", None), CoverageFileRenderer
        ):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response
