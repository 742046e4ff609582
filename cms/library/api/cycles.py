"""The reporting cycles, read-only: which meetings States report for, and which one is open."""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import permissions, serializers, viewsets

from cms.api.languages import language_or_default
from cms.api.schema import LOCALE

from ..models import ReportingCycle


# "ReportingCycle" names the short form inside the reporting status answer.
@extend_schema_serializer(component_name="ReportingCycleDetail")
class ReportingCycleSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField(
        help_text="The meeting's name in the requested language, e.g. \"Ninth Biennial "
        'Meeting of States".'
    )
    report_symbol = serializers.SerializerMethodField()
    report_url = serializers.URLField(
        read_only=True, allow_null=True, help_text="The report at https://undocs.org/."
    )
    outcome_symbol = serializers.SerializerMethodField()
    outcome_url = serializers.URLField(
        read_only=True, allow_null=True, help_text="The outcome document at https://undocs.org/."
    )

    class Meta:
        model = ReportingCycle
        fields = [
            "code",
            "label",
            "meeting",
            "number",
            "year",
            "start_date",
            "end_date",
            "venue",
            "report_symbol",
            "report_url",
            "outcome_symbol",
            "outcome_url",
            "is_open_for_submissions",
        ]
        read_only_fields = fields

    def get_report_symbol(self, cycle) -> str | None:
        return cycle.report_symbol or None

    def get_outcome_symbol(self, cycle) -> str | None:
        return cycle.outcome_symbol or None

    def get_label(self, cycle) -> str:
        with translation.override(self.context["view"].requested_language):
            return str(cycle.label)


@extend_schema(tags=["national-reports"], parameters=[LOCALE])
@extend_schema_view(
    retrieve=extend_schema(
        parameters=[
            OpenApiParameter(
                "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="e.g. BMS9"
            )
        ]
    )
)
class ReportingCycleViewSet(viewsets.ReadOnlyModelViewSet):
    """The reporting cycles (Biennial Meetings of States and Review Conferences), by year.

    `is_open_for_submissions` marks the one cycle national reports are filed for now; the
    secretariat changes it in the admin.
    """

    queryset = ReportingCycle.objects.all()
    serializer_class = ReportingCycleSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.requested_language = language_or_default(request)
