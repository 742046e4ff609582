"""Query filters of the assistance endpoints (`?country=`, `?region=`, `?theme=`, `?year=`...)."""

import django_filters
from django import forms
from django.db.models import Q

from cms.core.models import Country

from ..models import Match, Need, Project, Resource


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1990)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


def in_region(prefix):
    def method(queryset, name, value):
        return queryset.filter(
            Q(**{f"{prefix}region__code": value})
            | Q(**{f"{prefix}sub_region__code": value})
            | Q(**{f"{prefix}intermediate_region__code": value})
        ).distinct()

    return method


class NeedFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country__code", label="ISO alpha-2 code")
    region = django_filters.CharFilter(method="filter_region", label="UN M49 region code")
    theme = django_filters.CharFilter(field_name="themes__code", distinct=True)
    form = django_filters.CharFilter(field_name="forms__code", distinct=True)
    status = django_filters.ChoiceFilter(choices=Need.Status.choices)
    year = YearFilter(field_name="start_date", lookup_expr="year", label="Year of the start")

    class Meta:
        model = Need
        fields = ["country", "region", "theme", "form", "status", "year"]

    def filter_region(self, queryset, name, value):
        return in_region("country__")(queryset, name, value)


# Reading is open (the querysets hide what a user may not see); writing needs a signed-in
# user, and each write checks what that user may do.


class ResourceFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(method="filter_country", label="Open to this country")
    region = django_filters.CharFilter(field_name="eligible_regions__code", distinct=True)
    theme = django_filters.CharFilter(field_name="themes__code", distinct=True)
    form = django_filters.CharFilter(field_name="forms__code", distinct=True)
    status = django_filters.ChoiceFilter(choices=Resource.Status.choices)
    kind = django_filters.ChoiceFilter(choices=Resource.Kind.choices)
    provider = django_filters.CharFilter(field_name="provider__code")
    year = YearFilter(method="filter_year", label="Year in which the call is open")

    class Meta:
        model = Resource
        fields = ["country", "region", "theme", "form", "status", "kind", "provider", "year"]

    def filter_country(self, queryset, name, value):
        country = Country.objects.source().filter(code=value.upper()).first()
        if country is None:
            return queryset.none()
        regions = [
            code
            for code in (
                country.region_id and country.region.code,
                country.sub_region_id and country.sub_region.code,
                country.intermediate_region_id and country.intermediate_region.code,
            )
            if code
        ]
        # Country groups are a short JSON list; JSON containment is not portable (SQLite).
        groups = {str(group) for group in country.groups}
        by_group = [
            pk
            for pk, eligible in Resource.objects.exclude(eligible_groups=[]).values_list(
                "pk", "eligible_groups"
            )
            if groups & set(eligible or [])
        ]
        return queryset.filter(
            Q(is_global=True)
            | Q(eligible_countries__code=country.code)
            | Q(eligible_regions__code__in=regions)
            | Q(pk__in=by_group)
        ).distinct()

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            Q(rolling=True)
            | (
                (Q(call_opens__isnull=True) | Q(call_opens__year__lte=value))
                & (Q(call_closes__isnull=True) | Q(call_closes__year__gte=value))
            )
        )


class MatchFilter(django_filters.FilterSet):
    need = django_filters.NumberFilter(field_name="need_id", min_value=0, max_value=10**18)
    resource = django_filters.NumberFilter(
        field_name="contributions__resource_id", min_value=0, max_value=10**18, distinct=True
    )
    status = django_filters.ChoiceFilter(choices=Match.Status.choices)
    country = django_filters.CharFilter(field_name="need__country__code")
    region = django_filters.CharFilter(method="filter_region", label="UN M49 region code")
    theme = django_filters.CharFilter(field_name="need__themes__code", distinct=True)
    form = django_filters.CharFilter(field_name="need__forms__code", distinct=True)
    year = YearFilter(field_name="need__start_date", lookup_expr="year")
    is_current = django_filters.BooleanFilter()

    class Meta:
        model = Match
        fields = ["need", "resource", "status", "country", "region", "theme", "form", "year"]

    def filter_region(self, queryset, name, value):
        return in_region("need__country__")(queryset, name, value)


class ProjectFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="focus_countries__code", distinct=True)
    region = django_filters.CharFilter(method="filter_region", label="UN M49 region code")
    theme = django_filters.CharFilter(field_name="themes__code", distinct=True)
    status = django_filters.ChoiceFilter(choices=Project.Status.choices)
    year = YearFilter(method="filter_year", label="Year in which the project runs")

    class Meta:
        model = Project
        fields = ["country", "region", "theme", "status", "year"]

    def filter_region(self, queryset, name, value):
        """Projects in a country of the region, or focused on the region or a part of it."""
        in_countries = in_region("focus_countries__")(queryset, name, value)
        focused = queryset.filter(
            Q(focus_regions__code=value)
            | Q(focus_regions__parent__code=value)
            | Q(focus_regions__parent__parent__code=value)
        )
        return queryset.filter(Q(pk__in=in_countries.values("pk")) | Q(pk__in=focused.values("pk")))

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            (Q(start_date__isnull=True) | Q(start_date__year__lte=value))
            & (Q(end_date__isnull=True) | Q(end_date__year__gte=value))
        )


class CoverageFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(method="filter_region", label="UN M49 region code")
    theme = django_filters.CharFilter(field_name="themes__code", distinct=True)
    country = django_filters.CharFilter(field_name="country__code")
    year = YearFilter(field_name="start_date", lookup_expr="year")

    class Meta:
        model = Need
        fields = ["region", "theme", "country", "year"]

    def filter_region(self, queryset, name, value):
        return in_region("country__")(queryset, name, value)
