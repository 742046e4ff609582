"""`/api/v2/search/` and `/api/v2/search/suggest/`: one response shape whatever the backend."""

from dataclasses import asdict

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.languages import LANGUAGE_CHOICES, language_or_default

from . import service
from .documents import FACETS

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50


def comma_separated(value):
    return [item.strip() for item in value.split(",") if item.strip()]


class SearchParameters(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_QUERY_LENGTH, help_text=_("The words to look for."))
    locale = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)
    all_languages = serializers.BooleanField(
        default=False, help_text=_("Search the six languages at once.")
    )
    type = serializers.CharField(required=False, help_text=_("Kinds of content, comma-separated."))
    theme = serializers.CharField(required=False, help_text=_("Thematic-area codes."))
    country = serializers.CharField(required=False, help_text=_("ISO 3166-1 alpha-2 codes."))
    region = serializers.CharField(required=False, help_text=_("UN M49 region codes."))
    year = serializers.CharField(required=False, help_text=_("Years, comma-separated."))
    page = serializers.IntegerField(min_value=1, max_value=10_000, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=20)

    def validate_q(self, value):
        if not value.strip():
            raise serializers.ValidationError(_("Enter the words to look for."))
        return value.strip()

    def validate_year(self, value):
        years = comma_separated(value)
        if not all(year.isdigit() and 1900 <= int(year) <= 2200 for year in years):
            raise serializers.ValidationError(_("Years are four-digit numbers, comma-separated."))
        return [int(year) for year in years]

    def filters(self):
        data = self.validated_data
        return {
            "kinds": comma_separated(data.get("type", "")),
            "themes": comma_separated(data.get("theme", "")),
            "countries": [code.upper() for code in comma_separated(data.get("country", ""))],
            "regions": comma_separated(data.get("region", "")),
            "years": data.get("year", []),
            "offset": (data["page"] - 1) * data["page_size"],
            "limit": data["page_size"],
        }


class SuggestParameters(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_QUERY_LENGTH, help_text=_("The beginning of a word."))
    locale = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)
    all_languages = serializers.BooleanField(default=False)
    limit = serializers.IntegerField(min_value=1, max_value=20, default=10)


class HitSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    locale = serializers.CharField(source="language")
    title = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    snippet = serializers.CharField(
        allow_blank=True, help_text=_("HTML-escaped excerpt; matched words in <mark>.")
    )
    score = serializers.FloatField()
    reference = serializers.DictField()


class MetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField(min_value=0)
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    locale = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    suggestion = serializers.CharField(allow_null=True)


class SearchResponseSerializer(serializers.Serializer):
    meta = MetaSerializer()
    items = HitSerializer(many=True)
    facets = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text=_("Counts per value of: %(facets)s.") % {"facets": ", ".join(FACETS)},
    )


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    key = serializers.CharField()
    locale = serializers.CharField(source="language")


class SuggestResponseSerializer(serializers.Serializer):
    items = SuggestionSerializer(many=True)


def validated(serializer_class, request):
    parameters = serializer_class(data=request.query_params)
    parameters.is_valid(raise_exception=True)
    return parameters


class SearchView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="search",
        parameters=[SearchParameters],
        responses=SearchResponseSerializer,
        tags=["search"],
    )
    def get(self, request):
        parameters = validated(SearchParameters, request)
        data = parameters.validated_data
        language = data.get("locale") or language_or_default(request)
        results = service.search(
            request.user,
            data["q"],
            language,
            all_languages=data["all_languages"],
            **parameters.filters(),
        )
        payload = {
            "meta": {
                "total_count": results.total,
                "page": data["page"],
                "page_size": data["page_size"],
                "locale": language,
                "languages": ["*"] if data["all_languages"] else [language],
                "suggestion": results.suggestion,
            },
            "items": HitSerializer([asdict(hit) for hit in results.hits], many=True).data,
            "facets": results.facets,
        }
        return Response(payload)


class SuggestView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="search_suggest",
        parameters=[SuggestParameters],
        responses=SuggestResponseSerializer,
        tags=["search"],
    )
    def get(self, request):
        data = validated(SuggestParameters, request).validated_data
        language = data.get("locale") or language_or_default(request)
        suggestions = service.suggest(
            request.user,
            data["q"],
            language,
            all_languages=data["all_languages"],
            limit=data["limit"],
        )
        return Response({"items": SuggestionSerializer(suggestions, many=True).data})
