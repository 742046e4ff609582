"""The world reporting status: every reporting State's status by cycle."""

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    inline_serializer,
)
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.languages import LANGUAGE_CODES, QueryParameterError, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.models import Region

from ..models import (
    ReportingCycle,
)
from ..overview import STATUSES, cycles_for, reporting_status

CYCLE_STATUS = inline_serializer(
    "CycleStatus",
    {
        "cycle": serializers.CharField(),
        "status": serializers.ChoiceField(STATUSES),
    },
)
REPORTING_STATUS = inline_serializer(
    "ReportingStatus",
    {
        "cycles": inline_serializer(
            "ReportingCycle",
            {
                "code": serializers.CharField(),
                "year": serializers.IntegerField(),
                "label": serializers.CharField(),
            },
        ).__class__(many=True),
        "statuses": serializers.DictField(child=serializers.CharField()),
        "items": inline_serializer(
            "CountryReportingStatus",
            {
                "code": serializers.CharField(),
                "alpha3": serializers.CharField(),
                "name": serializers.CharField(),
                "locale": serializers.ChoiceField(LANGUAGE_CODES),
                "region": serializers.CharField(allow_null=True),
                "statuses": CYCLE_STATUS.__class__(many=True),
            },
        ).__class__(many=True),
    },
)


ALL_CYCLES = "all"


class ReportingStatusView(APIView):
    """Every reporting State's status by cycle, from the published national reports.

    The States are the 193 UN Member States and the two non-member observer States, named as
    the UN names them (M49) in the requested language.
    """

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="reporting_status",
        tags=["national-reports"],
        parameters=[
            LOCALE,
            OpenApiParameter(
                "cycle",
                str,
                description="Reporting cycle code (e.g. BMS8); repeat or separate with commas, "
                "or `all` for every cycle. Default: the cycle open for submissions (every "
                "cycle when none is open).",
            ),
            OpenApiParameter(
                "region", str, description="UN M49 region, sub-region or intermediate region."
            ),
        ],
        responses={200: REPORTING_STATUS, 400: ERROR},
    )
    def get(self, request):
        language = language_or_default(request)
        codes = [
            code.strip()
            for value in request.query_params.getlist("cycle")
            for code in value.split(",")
            if code.strip()
        ]
        if codes == [ALL_CYCLES]:
            codes = []
        elif not codes:
            open_cycle = ReportingCycle.objects.open_for_submissions()
            codes = [open_cycle.code] if open_cycle else []
        cycles = cycles_for(codes)
        unknown = set(codes) - {cycle.code for cycle in cycles}
        if unknown:
            raise QueryParameterError(
                "cycle",
                _("Unknown reporting cycle %(codes)s; use one of %(known)s.")
                % {
                    "codes": ", ".join(sorted(unknown)),
                    "known": ", ".join(ReportingCycle.objects.values_list("code", flat=True)),
                },
            )
        region = request.query_params.get("region")
        if region is not None and not Region.objects.filter(code=region).exists():
            raise QueryParameterError("region", _("Unknown region %(code)r.") % {"code": region})
        with translation.override(language):
            rows = reporting_status(language, cycles, region)
            from ..overview import STATUS_LABELS

            return Response(
                {
                    "cycles": [
                        {"code": cycle.code, "year": cycle.year, "label": str(cycle.label)}
                        for cycle in cycles
                    ],
                    "statuses": {key: str(label) for key, label in STATUS_LABELS.items()},
                    "items": [
                        {
                            "code": row.country.code,
                            "alpha3": row.country.alpha3,
                            "name": row.country.name,
                            "locale": row.country.locale.language_code,
                            "region": row.country.region.code if row.country.region else None,
                            "statuses": [
                                {"cycle": code, "status": value}
                                for code, value in row.statuses.items()
                            ],
                        }
                        for row in rows
                    ],
                }
            )
