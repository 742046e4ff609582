"""/api/v2/mosaic/: clause checklists and the States' self-assessments."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import language_or_default
from cms.api.schema import ERROR, LOCALE

from .. import exports
from .. import permissions as rules
from ..assessments import progress
from ..models import Clause, ClauseRating
from ..needs import propose_needs
from .serializers import (
    MosaicAssessmentDetailSerializer,
    MosaicAssessmentSerializer,
    MosaicClauseSerializer,
    MosaicProgressSerializer,
    MosaicProposedNeedsSerializer,
    MosaicProposeNeedsInputSerializer,
    MosaicRatingsInputSerializer,
)


class AssessmentFileRenderer(BaseRenderer):
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class XlsxRenderer(AssessmentFileRenderer):
    media_type, format = exports.CONTENT_TYPES["xlsx"], "xlsx"


class PdfRenderer(AssessmentFileRenderer):
    media_type, format = exports.CONTENT_TYPES["pdf"], "pdf"


class ClauseViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The clause checklists: requirements of MOSAIC modules, in the project's own words."""

    serializer_class = MosaicClauseSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        queryset = Clause.objects.select_related("module", "theme")
        module = self.request.query_params.get("module")
        if module:
            queryset = queryset.filter(module__code=module)
        return queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": language_or_default(self.request)}

    @extend_schema(
        parameters=[LOCALE, OpenApiParameter("module", str, description="MOSAIC module code")]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class AssessmentViewSet(
    IdempotentPostMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """A State's self-assessments: private to the State and the secretariat unless shared."""

    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            rules.visible_assessments(self.request.user)
            .select_related("country")
            .prefetch_related("modules")
        )

    def get_serializer_class(self):
        return (
            MosaicAssessmentSerializer
            if self.action in ("list", "create")
            else (MosaicAssessmentDetailSerializer)
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": language_or_default(self.request)}

    def editable_object(self):
        assessment = self.get_object()
        if not rules.can_edit(self.request.user, assessment):
            raise PermissionDenied(_("Only the State and the secretariat change an assessment."))
        return assessment

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(responses={201: MosaicAssessmentSerializer, 400: ERROR})
    def create(self, request, *args, **kwargs):
        if not rules.can_create(request.user):
            raise PermissionDenied(_("Only a State's national users and the secretariat assess."))
        return super().create(request, *args, **kwargs)

    @extend_schema(responses={200: MosaicAssessmentDetailSerializer, 400: ERROR})
    def partial_update(self, request, *args, **kwargs):
        self.editable_object()
        return super().partial_update(request, *args, **kwargs)

    @extend_schema(
        request=MosaicRatingsInputSerializer,
        responses={200: MosaicAssessmentDetailSerializer, 400: ERROR},
        description="Rate clauses (create or replace each clause's rating, priority, evidence).",
    )
    @action(detail=True, methods=["post"])
    def ratings(self, request, pk=None):
        assessment = self.editable_object()
        clauses = {
            clause.code: clause
            for clause in Clause.objects.filter(module__in=assessment.modules.all()).select_related(
                "module"
            )
        }
        serializer = MosaicRatingsInputSerializer(
            data=request.data, context={**self.get_serializer_context(), "clauses": clauses}
        )
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            for item in serializer.validated_data["ratings"]:
                ClauseRating.objects.update_or_create(
                    assessment=assessment,
                    clause=item["clause"],
                    defaults={
                        "rating": item["rating"],
                        "priority": item["priority"],
                        "evidence": item["evidence"],
                    },
                )
            assessment.save(update_fields=["updated_at"])
        return Response(
            MosaicAssessmentDetailSerializer(assessment, context=self.get_serializer_context()).data
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("since", int, required=True, description="The earlier assessment."),
        ],
        responses={200: MosaicProgressSerializer, 400: ERROR},
    )
    @action(detail=True, methods=["get"])
    def progress(self, request, pk=None):
        later = self.get_object()
        since = request.query_params.get("since", "")
        earlier = self.get_queryset().filter(pk=int(since)).first() if since.isdigit() else None
        if earlier is None or earlier.country_id != later.country_id or earlier.pk == later.pk:
            raise ValidationError({"since": [_("Name another assessment of the same State.")]})
        result = progress(earlier, later)
        data = {"since": earlier.pk, "assessment": later.pk, **result}
        return Response(MosaicProgressSerializer(data).data)

    @extend_schema(
        request=MosaicProposeNeedsInputSerializer,
        responses={200: MosaicProposedNeedsSerializer, 400: ERROR},
        description="A draft assistance need per gap, linked to its clause; never twice.",
    )
    @action(detail=True, methods=["post"], url_path="propose-needs")
    def propose_needs(self, request, pk=None):
        assessment = self.editable_object()
        serializer = MosaicProposeNeedsInputSerializer(data=request.data or {})
        serializer.is_valid(raise_exception=True)
        clause_ids = None
        if "clauses" in serializer.validated_data:
            codes = serializer.validated_data["clauses"]
            known = {
                clause.code: clause.pk
                for clause in Clause.objects.filter(
                    module__in=assessment.modules.all()
                ).select_related("module")
            }
            unknown = [code for code in codes if code not in known]
            if unknown:
                raise ValidationError(
                    {"clauses": [_("Not a clause of this assessment: %s") % ", ".join(unknown)]}
                )
            clause_ids = {known[code] for code in codes}
        created, existing = propose_needs(assessment, request.user, clause_ids)
        return Response(
            MosaicProposedNeedsSerializer({"created": created, "existing": existing}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        parameters=[
            LOCALE,
            OpenApiParameter("format", str, enum=["xlsx", "pdf"], required=True),
        ],
        responses={
            (200, exports.CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
            (200, exports.CONTENT_TYPES["pdf"]): OpenApiTypes.BINARY,
            (400, "application/json"): ERROR,
        },
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[*api_settings.DEFAULT_RENDERER_CLASSES, XlsxRenderer, PdfRenderer],
    )
    def export(self, request, pk=None):
        assessment = self.get_object()
        file_format = getattr(request.accepted_renderer, "format", None)
        if file_format not in exports.CONTENT_TYPES:
            raise ValidationError({"format": [_("Ask for format=xlsx or format=pdf.")]})
        language = language_or_default(request)
        content = exports.export(assessment, file_format, language)
        response = Response(content)
        response["Content-Disposition"] = (
            f'attachment; filename="{exports.filename(assessment, file_format, language)}"'
        )
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
            getattr(response, "accepted_renderer", None), AssessmentFileRenderer
        ):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response
