"""Taxonomy endpoints: countries, regions, themes, MOSAIC modules, forms of assistance and
organisation types, each in the requested UN language."""

import django_filters
from django.db.models import Q
from rest_framework import serializers

from cms.api.viewsets import LocalizedReadOnlyViewSet, LocalizedSerializer
from cms.core.models import (
    AssistanceForm,
    Country,
    CountryGroup,
    MosaicModule,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
    UNStatus,
)


class TermSerializer(LocalizedSerializer):
    class Meta(LocalizedSerializer.Meta):
        fields = ["code", "name", *LocalizedSerializer.Meta.fields]


def term_serializer(term_model):
    class Serializer(TermSerializer):
        class Meta(TermSerializer.Meta):
            model = term_model

    Serializer.__name__ = f"{term_model.__name__}Serializer"
    return Serializer


class TermReferenceSerializer(serializers.Serializer):
    """Another term named in the row's language: its code and name."""

    code = serializers.CharField()
    name = serializers.CharField()


class RegionSerializer(LocalizedSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta(LocalizedSerializer.Meta):
        model = Region
        fields = ["code", "name", "level", "parent", *LocalizedSerializer.Meta.fields]


class CountrySerializer(LocalizedSerializer):
    region = TermReferenceSerializer(read_only=True, allow_null=True)
    sub_region = TermReferenceSerializer(read_only=True, allow_null=True)
    intermediate_region = TermReferenceSerializer(read_only=True, allow_null=True)
    groups = serializers.ListField(
        child=serializers.ChoiceField(CountryGroup.choices), read_only=True
    )

    class Meta(LocalizedSerializer.Meta):
        model = Country
        fields = [
            "code",
            "alpha3",
            "numeric",
            "name",
            "region",
            "sub_region",
            "intermediate_region",
            "groups",
            "un_status",
            *LocalizedSerializer.Meta.fields,
        ]


class OrganisationSerializer(LocalizedSerializer):
    type = TermReferenceSerializer(source="organisation_type", read_only=True)
    country = TermReferenceSerializer(read_only=True, allow_null=True)

    class Meta(LocalizedSerializer.Meta):
        model = Organisation
        fields = ["code", "acronym", "name", "type", "country", "website"]
        fields += LocalizedSerializer.Meta.fields


class OrganisationFilter(django_filters.FilterSet):
    type = django_filters.CharFilter(
        field_name="organisation_type__code", label="Organisation type code"
    )
    country = django_filters.CharFilter(field_name="country__code", label="ISO alpha-2 code")

    class Meta:
        model = Organisation
        fields = ["type", "country"]


class CountryFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(
        method="filter_region", label="UN M49 code of a region, sub-region or intermediate region"
    )
    group = django_filters.ChoiceFilter(choices=CountryGroup.choices, method="filter_group")
    name = django_filters.CharFilter(lookup_expr="icontains")
    reporting = django_filters.BooleanFilter(
        method="filter_reporting",
        label="true: only the States that report (UN Member States and non-member observer "
        "States); false: only the other countries and territories",
    )

    class Meta:
        model = Country
        fields = ["region", "group", "name", "reporting"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(
            Q(region__code=value) | Q(sub_region__code=value) | Q(intermediate_region__code=value)
        )

    def filter_group(self, queryset, name, value):
        return queryset.filter(**{f"is_{value}": True})

    def filter_reporting(self, queryset, name, value):
        states = queryset.filter(un_status__in=UNStatus.values)
        return states if value else queryset.exclude(pk__in=states.values("pk"))


class RegionFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=Region.Level.choices)
    parent = django_filters.CharFilter(field_name="parent__code")

    class Meta:
        model = Region
        fields = ["level", "parent"]


class CountryViewSet(LocalizedReadOnlyViewSet):
    queryset = Country.objects.select_related("region", "sub_region", "intermediate_region")
    serializer_class = CountrySerializer
    filterset_class = CountryFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"


class RegionViewSet(LocalizedReadOnlyViewSet):
    queryset = Region.objects.select_related("parent")
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "code"
    lookup_value_regex = "[0-9]{3}"


class OrganisationViewSet(LocalizedReadOnlyViewSet):
    queryset = Organisation.objects.select_related("organisation_type", "country")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_field = "code"
    lookup_value_regex = "[a-z0-9\\-]+"


def term_viewset(term_model):
    class ViewSet(LocalizedReadOnlyViewSet):
        queryset = term_model.objects.all()
        serializer_class = term_serializer(term_model)
        lookup_field = "code"
        lookup_value_regex = "[A-Za-z0-9.\\-]+"

    ViewSet.__name__ = f"{term_model.__name__}ViewSet"
    return ViewSet


ThematicAreaViewSet = term_viewset(ThematicArea)
MosaicModuleViewSet = term_viewset(MosaicModule)
AssistanceFormViewSet = term_viewset(AssistanceForm)
OrganisationTypeViewSet = term_viewset(OrganisationType)

# The taxonomy's endpoints under /api/v2/ (CoreConfig.api_routes).
routes = [
    ("countries", CountryViewSet, "country"),
    ("regions", RegionViewSet, "region"),
    ("themes", ThematicAreaViewSet, "theme"),
    ("mosaic-modules", MosaicModuleViewSet, "mosaic-module"),
    ("assistance-forms", AssistanceFormViewSet, "assistance-form"),
    ("organisations", OrganisationViewSet, "organisation"),
    ("organisation-types", OrganisationTypeViewSet, "organisation-type"),
]
