"""The questionnaire templates and the answers of published national reports, read-only."""

from django.db.models import Q
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, permissions, serializers, viewsets

from cms.api.languages import QueryParameterError, language_or_default
from cms.api.schema import LOCALE
from cms.core.languages import with_fallback

from ..models import NationalReportPage, QuestionnaireQuestion, QuestionnaireVersion
from ..models.questionnaire import in_language
from ..questionnaire.answers import STATUS_LABELS, STATUS_VALUES
from ..questionnaire.fields import FIELD_TYPES

ANSWER_VALUE = {
    "anyOf": [
        {"type": "string", "enum": STATUS_VALUES},
        {"type": "number"},
        {"type": "string"},
        {"type": "array", "items": {"type": "object", "additionalProperties": True}},
    ],
    "nullable": True,
    "description": "By answer type: one of yes, no, in_development, not_applicable; a "
    "number; a plain text; or a list of entries with the question's item_fields and an id.",
}


@extend_schema_field(ANSWER_VALUE)
class AnswerValueField(serializers.JSONField):
    pass


class LocalizedMixin:
    def text(self, texts):
        return in_language(texts, self.context["language"])


class QuestionnaireChoiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class QuestionnaireItemFieldSerializer(LocalizedMixin, serializers.Serializer):
    code = serializers.CharField()
    type = serializers.ChoiceField(
        FIELD_TYPES,
        help_text="thematic_area, assistance_form, country and region take the term's code.",
    )
    required = serializers.BooleanField()
    label = serializers.SerializerMethodField()
    choices = serializers.SerializerMethodField()

    def get_label(self, field) -> str:
        return self.text(field.get("label"))

    @extend_schema_field(QuestionnaireChoiceSerializer(many=True))
    def get_choices(self, field):
        return [
            {"code": choice["code"], "label": self.text(choice.get("label"))}
            for choice in field.get("choices") or []
        ]

    def to_representation(self, field):
        data = super().to_representation(field)
        data["required"] = bool(field.get("required"))
        return data


class QuestionnaireQuestionSerializer(LocalizedMixin, serializers.ModelSerializer):
    text = serializers.SerializerMethodField()
    help = serializers.SerializerMethodField()
    min = serializers.IntegerField(source="min_value", allow_null=True)
    choices = serializers.SerializerMethodField(
        help_text="The answers a yes / no / in development question takes."
    )
    item_fields = serializers.SerializerMethodField()

    class Meta:
        model = QuestionnaireQuestion
        fields = [
            "code",
            "text",
            "help",
            "instrument",
            "paragraph",
            "answer_type",
            "required",
            "unit",
            "min",
            "choices",
            "item_fields",
        ]
        read_only_fields = fields

    def get_text(self, question) -> str:
        return self.text(question.text)

    def get_help(self, question) -> str:
        return self.text(question.help_text)

    @extend_schema_field(QuestionnaireChoiceSerializer(many=True))
    def get_choices(self, question):
        if question.answer_type != QuestionnaireQuestion.AnswerType.STATUS:
            return []
        with translation.override(self.context["language"]):
            return [{"code": code, "label": str(STATUS_LABELS[code])} for code in STATUS_VALUES]

    @extend_schema_field(QuestionnaireItemFieldSerializer(many=True))
    def get_item_fields(self, question):
        fields = QuestionnaireItemFieldSerializer(
            question.item_fields, many=True, context=self.context
        )
        return fields.data


class QuestionnaireSectionSerializer(LocalizedMixin, serializers.Serializer):
    code = serializers.CharField()
    title = serializers.SerializerMethodField()
    questions = QuestionnaireQuestionSerializer(many=True, source="questions.all")

    def get_title(self, section) -> str:
        return self.text(section.title)


class QuestionnaireVersionSerializer(LocalizedMixin, serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    cycles = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    sections = QuestionnaireSectionSerializer(many=True, read_only=True, source="sections.all")

    class Meta:
        model = QuestionnaireVersion
        fields = ["code", "title", "cycles", "sections"]
        read_only_fields = fields

    def get_title(self, version) -> str:
        return self.text(version.title)


@extend_schema(tags=["national-reports"], parameters=[LOCALE])
@extend_schema_view(
    retrieve=extend_schema(
        parameters=[
            OpenApiParameter(
                "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="e.g. v2026"
            )
        ]
    )
)
class QuestionnaireVersionViewSet(viewsets.ReadOnlyModelViewSet):
    """The versions of the national report questionnaire, with their sections and questions.

    Each reporting cycle uses one version (`cycles`); a question keeps its `code` across
    versions, so that answers compare from one cycle to the next.
    """

    serializer_class = QuestionnaireVersionSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"

    def get_queryset(self):
        return QuestionnaireVersion.objects.prefetch_related(
            "cycles", "sections__questions"
        ).order_by("code")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": language_or_default(self.request)}


class ReportAnswerSerializer(serializers.Serializer):
    report = serializers.IntegerField(help_text="The report's page id.")
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    cycle = serializers.CharField()
    questionnaire = serializers.CharField()
    question = serializers.CharField()
    value = AnswerValueField()
    details = serializers.CharField()
    locale = serializers.CharField()


ANSWER_FILTERS = [
    LOCALE,
    OpenApiParameter("country", str, description="ISO 3166-1 alpha-2 codes, comma-separated."),
    OpenApiParameter("cycle", str, description="Cycle codes, comma-separated, e.g. BMS9."),
    OpenApiParameter(
        "region", str, description="An M49 region, sub-region or intermediate region."
    ),
    OpenApiParameter("question", str, description="Question codes, comma-separated."),
]


def codes(request, name, upper=False):
    value = request.GET.get(name, "")
    found = [code.strip() for code in value.split(",") if code.strip()]
    if value and not found:
        raise QueryParameterError(name, f"Give one or more codes in {name}.")
    return [code.upper() for code in found] if upper else found


@extend_schema(
    tags=["national-reports"],
    parameters=ANSWER_FILTERS,
    responses=ReportAnswerSerializer(many=True),
)
class ReportAnswerListView(generics.ListAPIView):
    """The answers of published national reports, one row per report and question.

    Each report is served in the requested language where it has a translation, else in its
    source language. Only published reports count; drafts never appear.
    """

    permission_classes = [permissions.AllowAny]
    serializer_class = ReportAnswerSerializer
    queryset = NationalReportPage.objects.none()  # what the schema reads; rows come from below

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.answer_rows())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def answer_rows(self):
        request = self.request
        language = language_or_default(request)
        reports = NationalReportPage.objects.live().public()
        countries, cycles = codes(request, "country", upper=True), codes(request, "cycle")
        if countries:
            reports = reports.filter(country__code__in=countries)
        if cycles:
            reports = reports.filter(cycle__code__in=cycles)
        region = request.GET.get("region")
        if region:
            reports = reports.filter(
                Q(country__region__code=region)
                | Q(country__sub_region__code=region)
                | Q(country__intermediate_region__code=region)
            )
        reports = with_fallback(reports, language).select_related(
            "country", "cycle", "locale", "questionnaire"
        )
        wanted = set(codes(request, "question"))
        rows = []
        for report in reports.order_by("-cycle__year", "country__code"):
            for code, answer in (report.answers or {}).items():
                if wanted and code not in wanted:
                    continue
                rows.append(
                    {
                        "report": report.pk,
                        "country": report.country.code,
                        "cycle": report.cycle.code,
                        "questionnaire": report.questionnaire_code or "",
                        "question": code,
                        "value": answer.get("value"),
                        "details": answer.get("details") or "",
                        "locale": report.locale.language_code,
                    }
                )
        return rows
