"""/api/v2/projects/: projects, and their export as IATI activities."""

from datetime import UTC, datetime

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer

from assistance.imports.services.iati_export import (
    NothingToExport,
    export_projects,
    exportable_projects,
    reporting_organisation,
)
from assistance.models import Project
from cms.api.caching import request_content_state
from cms.api.schema import ERROR

from ..filters import ProjectFilter
from ..permissions import SecretariatWrites, WriteAccess
from ..renderers import IatiXMLRenderer
from ..serializers import ProjectSerializer
from .base import AssistanceViewSet


class ProjectViewSet(AssistanceViewSet):
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    permission_classes = [WriteAccess, SecretariatWrites]

    def get_queryset(self):
        return Project.objects.select_related("implementing_organisation").prefetch_related(
            "focus_countries", "focus_regions", "themes", "needs", "resources"
        )

    @extend_schema(
        operation_id="projects_iati",
        filters=True,
        responses={
            (200, "application/xml"): OpenApiTypes.STR,
            (400, "application/json"): ERROR,
            (400, "application/xml"): OpenApiTypes.STR,
            (404, "application/json"): ERROR,
            (404, "application/xml"): OpenApiTypes.STR,
        },
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="iati",
        renderer_classes=[JSONRenderer, IatiXMLRenderer],
        pagination_class=None,
    )
    def iati(self, request):
        """The projects (filtered as the list) as an IATI 2.03 activities file, valid against
        the official schema and IATI's standard rules; DAC sector 15240 for SALW control,
        thematic areas as sectors of vocabulary 99. Projects IATI cannot describe (no start
        date) are left out; with none left, 404: an IATI file holds at least one activity."""
        projects = self.filter_queryset(self.get_queryset()).order_by("code")
        # Dated when the published content last changed, so the same content gives the same
        # file (and the same ETag) however often it is asked for.
        changed_at = request_content_state(request)["changed_at"]
        try:
            export = export_projects(
                exportable_projects(projects),
                reporting_org=reporting_organisation(),
                generated=datetime.fromtimestamp(changed_at, UTC),
            )
        except NothingToExport as nothing:
            raise NotFound(nothing.problems[0]) from None
        return HttpResponse(export.document, content_type=IatiXMLRenderer.media_type)
