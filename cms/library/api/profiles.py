"""Country profiles, assembled from the sections the suite's components provide."""

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.languages import LANGUAGE_CODES, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.models import Country

from ..profiles import build_profile

COUNTRY_PROFILE = inline_serializer(
    "CountryProfile",
    {
        "country": inline_serializer(
            "CountryProfileCountry",
            {
                "code": serializers.CharField(),
                "name": serializers.CharField(),
                "locale": serializers.ChoiceField(LANGUAGE_CODES),
            },
        ),
        "requested_locale": serializers.ChoiceField(LANGUAGE_CODES),
        "sections": inline_serializer(
            "CountryProfileSection",
            {
                "name": serializers.CharField(),
                "label": serializers.CharField(),
                "data": serializers.JSONField(),
            },
        ).__class__(many=True),
    },
)


class CountryProfileView(APIView):
    """A country's profile, assembled from the sections the suite's components provide."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="country_profile",
        tags=["countries"],
        parameters=[
            OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH),
            LOCALE,
        ],
        responses={200: COUNTRY_PROFILE, 400: ERROR, 404: ERROR},
    )
    def get(self, request, code):
        language = language_or_default(request)
        code = code.upper()
        try:
            country = Country.objects.by_code(code, language)
        except Country.DoesNotExist:
            raise exceptions.NotFound(
                _("No country has the code %(code)r.") % {"code": code}
            ) from None
        user = request.user if request.user.is_authenticated else None
        with translation.override(language):
            sections = build_profile(code, language, user)
        return Response(
            {
                "country": {
                    "code": country.code,
                    "name": country.name,
                    "locale": country.locale.language_code,
                },
                "requested_locale": language,
                "sections": sections,
            }
        )
