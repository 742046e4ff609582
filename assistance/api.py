"""/api/v2/needs/, resources/, matches/, projects/ and assistance/coverage/.

Taxonomy terms are named by code (`country: "KE"`, `themes: ["marking"]`); `names` gives
each code's name in the requested language. Titles and descriptions come in the requested
language when translated, else in their original language with `is_fallback: true`.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from lxml import etree
from rest_framework import permissions, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from cms.api.languages import LANGUAGE_CODES, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.models import (
    AssistanceForm,
    Country,
    CountryGroup,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)
from cms.library.models import NationalReportPage

from . import coverage, reports
from . import permissions as rules
from .currency import currency_choices
from .iati_exchange import export_projects, exportable_projects, reporting_organisation
from .matching.explain import explain
from .models import Match, Need, Project, Resource
from .terms import names, source_terms

ID_PATTERN = "[0-9]{1,18}"


# --- Fields ----------------------------------------------------------------------------------


class TermField(serializers.SlugRelatedField):
    """A taxonomy term by code, read and written; resolved to the source-language row."""

    def __init__(self, model, **kwargs):
        super().__init__(slug_field="code", queryset=source_terms(model), **kwargs)


def term_list(model, **kwargs):
    return TermField(model, many=True, **kwargs)


# The four lifecycles all have a field named "status"; the schema names their choices
# (see POAISS' ENUM_NAME_OVERRIDES in settings).
NEED_STATUSES = Need.Status
RESOURCE_STATUSES = Resource.Status
MATCH_STATUSES = Match.Status
PROJECT_STATUSES = Project.Status


TRANSLATIONS_SCHEMA = {
    "type": "object",
    "description": 'Texts in other UN languages: {"fr": {"title": "...", "description": "..."}}',
    "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
}


@extend_schema_field(TRANSLATIONS_SCHEMA)
class TranslationsField(serializers.JSONField):
    def __init__(self, allowed_fields, **kwargs):
        self.allowed_fields = allowed_fields
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, dict):
            raise ValidationError(_("Give texts by UN language code."))
        for language, texts in data.items():
            if language not in LANGUAGE_CODES or not isinstance(texts, dict):
                raise ValidationError(_("Give texts by UN language code."))
            for name, text in texts.items():
                if name not in self.allowed_fields or not isinstance(text, str) or "\x00" in text:
                    raise ValidationError(
                        _("Unknown field or text in the %(language)s translation.")
                        % {"language": language}
                    )
        return data


class TranslatedTextSerializer(serializers.ModelSerializer):
    """Title and description in the requested language, with the fallback flagged."""

    locale = serializers.SerializerMethodField()
    requested_locale = serializers.SerializerMethodField()
    is_fallback = serializers.SerializerMethodField()
    names = serializers.SerializerMethodField()

    def get_locale(self, obj) -> str:
        return obj.in_language(self.language)[0]

    def get_requested_locale(self, obj) -> str:
        return self.language

    def get_is_fallback(self, obj) -> bool:
        return obj.in_language(self.language)[0] != self.language

    @property
    def language(self):
        return self.context.get("language", "en")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        _language, texts = instance.in_language(self.language)
        for name, text in texts.items():
            if name in data:
                data[name] = text
        data["names"] = self.term_names(data)
        return data

    def get_names(self, obj) -> dict[str, str]:
        """Names of the codes used in this item, in the requested language."""
        return {}  # filled in by to_representation, from the codes it serves

    def term_names(self, data):
        cache = self.context.setdefault("term_names", {})
        found = {}
        for field_name, model in self.TERM_FIELDS.items():
            if model not in cache:
                cache[model] = names(model, self.language)
            value = data.get(field_name)
            for code in value if isinstance(value, list) else [value]:
                if code and code in cache[model]:
                    found[code] = cache[model][code]
        return found

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        plain = {k: v for k, v in attrs.items() if not isinstance(v, list)}
        if self.instance is not None:
            candidate = model(**{**_concrete(self.instance), **plain})
            candidate.pk = self.instance.pk
        else:
            candidate = model(**plain)
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        return attrs


def _concrete(instance):
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


# --- Needs -----------------------------------------------------------------------------------


class StatusChangeSerializer(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    changed_at = serializers.DateTimeField()


class NeedSerializer(TranslatedTextSerializer):
    TERM_FIELDS = {
        "country": Country,
        "applicant": Organisation,
        "themes": ThematicArea,
        "forms": AssistanceForm,
    }

    country = TermField(Country, help_text="ISO alpha-2 code of the requesting State.")
    applicant = TermField(
        Organisation, required=False, allow_null=True, help_text="Code of the applying body."
    )
    themes = term_list(ThematicArea, allow_empty=False)
    forms = term_list(AssistanceForm, allow_empty=False)
    translations = TranslationsField(("title", "description"), required=False)
    currency = serializers.ChoiceField(choices=currency_choices(), default="USD")
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    history = serializers.SerializerMethodField()
    national_report = serializers.PrimaryKeyRelatedField(
        queryset=NationalReportPage.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of the national report (page) in which the State stated the need.",
    )

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "description",
            "original_language",
            "translations",
            "locale",
            "requested_locale",
            "is_fallback",
            "country",
            "applicant",
            "themes",
            "forms",
            "amount",
            "currency",
            "amount_usd",
            "start_date",
            "duration_months",
            "priority",
            "concerns_iti",
            "national_report",
            "status",
            "consent_to_publish",
            "consent_given_at",
            "contact_name",
            "contact_email",
            "names",
            "history",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "amount_usd", "consent_given_at", "created_at", "updated_at"]

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_history(self, obj):
        return [
            {"from_status": c.from_status, "to_status": c.to_status, "changed_at": c.changed_at}
            for c in obj.history.all()
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not rules.can_see_need_contact(self.context["request"].user, instance):
            data["contact_name"] = data["contact_email"] = ""
        return data

    def validate_country(self, country):
        user = self.context["request"].user
        if not rules.speaks_for_country(user, country.code) and not rules.roles.is_secretariat(
            user
        ):
            raise ValidationError(_("You may submit needs for your own country only."))
        return country


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
WriteAccess = permissions.IsAuthenticatedOrReadOnly


class AssistanceViewSet(viewsets.ModelViewSet):
    permission_classes = [WriteAccess]
    lookup_value_regex = ID_PATTERN
    http_method_names = ["get", "post", "patch", "put", "delete", "head", "options"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = language_or_default(self.request)
        return context

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        with translation.override(language_or_default(request)):
            return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        with translation.override(language_or_default(request)):
            return super().retrieve(request, *args, **kwargs)


class NeedViewSet(AssistanceViewSet):
    serializer_class = NeedSerializer
    filterset_class = NeedFilter

    def get_queryset(self):
        queryset = Need.objects.select_related("country", "applicant").prefetch_related(
            "themes", "forms", "history"
        )
        return rules.visible_needs(self.request.user, queryset).order_by("-created_at", "-pk")

    # Who may not write at all is refused (403) before their input is judged (400).
    def create(self, request, *args, **kwargs):
        if not rules.can_create_need(request.user):
            raise PermissionDenied(_("Only national points of contact and the secretariat."))
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        if not rules.can_edit_need(request.user, self.get_object()):
            raise PermissionDenied(_("You may not edit this need."))
        return super().update(request, *args, **kwargs)

    def perform_create(self, serializer):
        user = self.request.user
        if not rules.can_create_need(user):
            raise PermissionDenied(_("Only national points of contact and the secretariat."))
        consent = serializer.validated_data.get("consent_to_publish")
        with transaction.atomic():
            need = serializer.save(created_by=user, consent_to_publish=False)
            if consent:
                need.give_consent(user)
                need.save()

    def perform_update(self, serializer):
        user = self.request.user
        if not rules.can_edit_need(user, serializer.instance):
            raise PermissionDenied(_("You may not edit this need."))
        consent = serializer.validated_data.pop("consent_to_publish", None)
        with transaction.atomic():
            need = serializer.save()
            if consent and not need.consent_to_publish:
                need.give_consent(user)
                need.save()
            elif consent is False and need.consent_to_publish:
                need.consent_to_publish = False
                need.save()

    def perform_destroy(self, instance):
        if not rules.can_edit_need(self.request.user, instance):
            raise PermissionDenied(_("You may not delete this need."))
        instance.delete()

    @extend_schema(
        request=inline_serializer(
            "NeedTransition",
            {
                "status": serializers.ChoiceField(Need.Status.choices),
                "note": serializers.CharField(required=False, allow_blank=True),
            },
        ),
        responses={200: NeedSerializer},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the need along its lifecycle; the step is recorded with who and when."""
        need = self.get_object()
        target = request.data.get("status")
        if target not in Need.Status.values:
            raise ValidationError({"status": [_("Unknown status.")]})
        if not need.can_move_to(target):
            raise ValidationError(
                {
                    "status": [
                        _("A need cannot go from %(from)s to %(to)s.")
                        % {"from": need.get_status_display(), "to": target}
                    ]
                }
            )
        if not rules.can_move_need(request.user, need, target):
            raise PermissionDenied(_("You may not take this step."))
        if target == Need.Status.PUBLISHED and not need.consent_to_publish:
            raise ValidationError(
                {"consent_to_publish": [_("The State has not consented to publication.")]}
            )
        note = str(request.data.get("note", ""))[:2000].replace("\x00", "")
        need.change_status(target, request.user, note)
        return Response(self.get_serializer(self.get_object()).data)


# --- Resources -------------------------------------------------------------------------------


class ResourceSerializer(TranslatedTextSerializer):
    TERM_FIELDS = {
        "provider": Organisation,
        "provider_country": Country,
        "themes": ThematicArea,
        "forms": AssistanceForm,
        "priority_themes": ThematicArea,
        "priority_regions": Region,
        "eligible_countries": Country,
        "eligible_regions": Region,
        "eligible_applicant_types": OrganisationType,
    }

    provider = TermField(Organisation, required=False, allow_null=True)
    provider_country = TermField(Country, required=False, allow_null=True)
    themes = term_list(ThematicArea, allow_empty=False)
    forms = term_list(AssistanceForm, allow_empty=False)
    priority_themes = term_list(ThematicArea, required=False)
    priority_regions = term_list(Region, required=False)
    eligible_countries = term_list(Country, required=False)
    eligible_regions = term_list(Region, required=False)
    eligible_groups = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Any of: " + ", ".join(CountryGroup.values),
    )

    eligible_applicant_types = term_list(OrganisationType, required=False)
    translations = TranslationsField(("title", "description"), required=False)
    currency = serializers.ChoiceField(choices=currency_choices(), default="USD")
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    contact_email = serializers.EmailField(required=False, allow_blank=True)

    class Meta:
        model = Resource
        fields = [
            "id",
            "kind",
            "status",
            "title",
            "description",
            "original_language",
            "translations",
            "locale",
            "requested_locale",
            "is_fallback",
            "provider",
            "provider_country",
            "themes",
            "forms",
            "priority_themes",
            "priority_regions",
            "is_global",
            "eligible_countries",
            "eligible_regions",
            "eligible_groups",
            "eligible_applicant_types",
            "currency",
            "grant_floor",
            "grant_cap",
            "grant_floor_usd",
            "grant_cap_usd",
            "cofunding_percent",
            "min_duration_months",
            "max_duration_months",
            "rolling",
            "call_opens",
            "call_closes",
            "requirements",
            "contact_name",
            "contact_email",
            "names",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["grant_floor_usd", "grant_cap_usd", "created_at", "updated_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not rules.can_edit_resource(self.context["request"].user, instance):
            data["contact_name"] = data["contact_email"] = ""
        return data

    def validate_provider(self, provider):
        user = self.context["request"].user
        if rules.roles.is_secretariat(user):
            return provider
        if provider is None or provider.code != rules.roles.represented_organisation_code(user):
            raise ValidationError(_("You may describe your own organisation's resources only."))
        return provider

    def validate(self, attrs):
        user = self.context["request"].user
        if (
            self.instance is None
            and not rules.roles.is_secretariat(user)
            and not attrs.get("provider")
        ):
            raise ValidationError({"provider": [_("Name your organisation as the provider.")]})
        return super().validate(attrs)


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
        country = source_terms(Country).filter(code=value.upper()).first()
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


class ResourceViewSet(AssistanceViewSet):
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter

    def get_queryset(self):
        queryset = Resource.objects.select_related("provider", "provider_country").prefetch_related(
            "themes",
            "forms",
            "priority_themes",
            "priority_regions",
            "eligible_countries",
            "eligible_regions",
            "eligible_applicant_types",
        )
        return rules.visible_resources(self.request.user, queryset).order_by("-created_at", "-pk")

    # Who may not write at all is refused (403) before their input is judged (400).
    def create(self, request, *args, **kwargs):
        if not rules.can_create_resource(request.user):
            raise PermissionDenied(_("Only donors and the secretariat describe resources."))
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        if not rules.can_edit_resource(request.user, self.get_object()):
            raise PermissionDenied(_("You may not edit this resource."))
        return super().update(request, *args, **kwargs)

    def perform_create(self, serializer):
        if not rules.can_create_resource(self.request.user):
            raise PermissionDenied(_("Only donors and the secretariat describe resources."))
        serializer.save(created_by=self.request.user)

    def perform_update(self, serializer):
        if not rules.can_edit_resource(self.request.user, serializer.instance):
            raise PermissionDenied(_("You may not edit this resource."))
        serializer.save()

    def perform_destroy(self, instance):
        if not rules.can_edit_resource(self.request.user, instance):
            raise PermissionDenied(_("You may not delete this resource."))
        instance.delete()


# --- Matches ---------------------------------------------------------------------------------


class ContributionSerializer(serializers.Serializer):
    resource = serializers.IntegerField()
    title = serializers.CharField()
    amount_usd = serializers.DecimalField(max_digits=14, decimal_places=2)


class MatchSerializer(serializers.ModelSerializer):
    need_title = serializers.SerializerMethodField()
    contributions = serializers.SerializerMethodField()
    explanation = serializers.SerializerMethodField()

    class Meta:
        model = Match
        fields = [
            "id",
            "need",
            "need_title",
            "contributions",
            "is_cofunding",
            "score",
            "rank",
            "breakdown",
            "explanation",
            "is_current",
            "status",
            "decline_reason",
            "need_met_by_recipient",
            "recipient_feedback",
            "need_met_by_provider",
            "provider_feedback",
            "updated_at",
        ]
        read_only_fields = fields

    @property
    def language(self):
        return self.context.get("language", "en")

    def get_need_title(self, obj) -> str:
        return obj.need.in_language(self.language)[1]["title"]

    @extend_schema_field(ContributionSerializer(many=True))
    def get_contributions(self, obj):
        return [
            {
                "resource": item.resource_id,
                "title": item.resource.in_language(self.language)[1]["title"],
                "amount_usd": str(item.amount_usd),
            }
            for item in obj.contributions.all()
        ]

    def get_explanation(self, obj) -> str:
        titles = {
            item.resource_id: item.resource.in_language(self.language)[1]["title"]
            for item in obj.contributions.all()
        }
        with translation.override(self.language):
            return explain(obj.breakdown, titles)


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


REVIEW = inline_serializer(
    "MatchReview",
    {
        "status": serializers.ChoiceField(Match.Status.choices),
        "reason": serializers.CharField(required=False, allow_blank=True),
    },
)
FEEDBACK = inline_serializer(
    "MatchFeedback",
    {
        "side": serializers.ChoiceField(["recipient", "provider"]),
        "need_met": serializers.BooleanField(),
        "comment": serializers.CharField(required=False, allow_blank=True),
    },
)


class MatchViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MatchSerializer
    filterset_class = MatchFilter
    permission_classes = [WriteAccess]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        queryset = Match.objects.select_related("need").prefetch_related("contributions__resource")
        return rules.visible_matches(self.request.user, queryset).order_by("need_id", "rank", "pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = language_or_default(self.request)
        return context

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(request=REVIEW, responses={200: MatchSerializer})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Accept, discuss or decline a proposal (declining needs a reason)."""
        match = self.get_object()
        role = rules.review_role(request.user, match)
        target = request.data.get("status")
        reason = str(request.data.get("reason", "")).replace("\x00", "").strip()
        if role is None:
            raise PermissionDenied(_("Only the secretariat and the providers concerned."))
        if target not in Match.Status.values or not match.can_move_to(target):
            raise ValidationError({"status": [_("This match cannot take that step.")]})
        if role == "provider" and target not in rules.PROVIDER_REVIEW_STATUSES:
            raise PermissionDenied(_("Only the secretariat records funding."))
        if target == Match.Status.DECLINED and not reason:
            raise ValidationError({"reason": [_("Say why the match is declined.")]})
        if target == Match.Status.DECLINED:
            match.decline_reason = reason
        match.change_status(target, request.user, reason)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=FEEDBACK, responses={200: MatchSerializer})
    @action(detail=True, methods=["post"])
    def feedback(self, request, pk=None):
        """Whether the need was met, from the recipient's or the provider's side."""
        match = self.get_object()
        side = request.data.get("side")
        user = request.user
        if side == "recipient":
            allowed = rules.roles.is_secretariat(user) or rules.speaks_for_country(
                user, match.need.country.code
            )
        elif side == "provider":
            allowed = rules.review_role(user, match) is not None
        else:
            raise ValidationError({"side": [_("Give recipient or provider.")]})
        if not allowed:
            raise PermissionDenied(_("You do not speak for this side of the match."))
        need_met = request.data.get("need_met")
        if not isinstance(need_met, bool):
            raise ValidationError({"need_met": [_("Give true or false.")]})
        comment = str(request.data.get("comment", "")).replace("\x00", "")[:4000]
        setattr(match, f"need_met_by_{side}", need_met)
        setattr(match, f"{side}_feedback", comment)
        match.save()
        return Response(self.get_serializer(match).data)


# --- Projects --------------------------------------------------------------------------------


class ProjectSerializer(TranslatedTextSerializer):
    TERM_FIELDS = {
        "implementing_organisation": Organisation,
        "focus_countries": Country,
        "focus_regions": Region,
        "themes": ThematicArea,
    }

    implementing_organisation = TermField(Organisation, required=False, allow_null=True)
    focus_countries = term_list(Country, required=False)
    focus_regions = term_list(Region, required=False, help_text="UN M49 region codes.")
    themes = term_list(ThematicArea, required=False)
    translations = TranslationsField(Project.TRANSLATED_FIELDS, required=False)

    currency = serializers.ChoiceField(choices=currency_choices(), default="USD")
    needs = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Need.objects.all()
    )
    resources = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Resource.objects.all()
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "code",
            "iati_identifier",
            "title",
            "description",
            "expectations",
            "objective",
            "accomplishments",
            "original_language",
            "translations",
            "locale",
            "requested_locale",
            "is_fallback",
            "partners",
            "start_date",
            "end_date",
            "funding_source",
            "division",
            "implementing_organisation",
            "focus_countries",
            "focus_regions",
            "themes",
            "status",
            "comment",
            "amount",
            "currency",
            "amount_usd",
            "needs",
            "resources",
            "names",
        ]
        read_only_fields = ["amount_usd", "iati_identifier"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        visible = set(
            rules.visible_needs(user).filter(pk__in=data["needs"]).values_list("pk", flat=True)
        )
        data["needs"] = [pk for pk in data["needs"] if pk in visible]
        return data


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


class IatiXMLRenderer(BaseRenderer):
    """IATI activity XML; errors come as <errors message="..."><error field="...">."""

    media_type = "application/xml"
    format = "xml"
    charset = None  # the document declares its own encoding

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        data = data if isinstance(data, dict) else {"message": data}
        root = etree.Element("errors", message=str(data.get("message", "")))
        for name, messages in (data.get("errors") or {}).items():
            for message in messages if isinstance(messages, list) else [messages]:
                error = etree.SubElement(root, "error", field=str(name))
                error.text = str(message)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class SecretariatWrites(permissions.BasePermission):
    message = gettext_lazy("Only the secretariat edits projects.")

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or rules.roles.is_secretariat(
            request.user
        )


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
        the official schema; sector 15240 (SALW control). Projects IATI cannot describe (no
        date) are left out; with none, the document holds no activity."""
        projects = self.filter_queryset(self.get_queryset()).order_by("code")
        export = export_projects(
            exportable_projects(projects), reporting_org=reporting_organisation()
        )
        return HttpResponse(export.document, content_type=IatiXMLRenderer.media_type)


# --- Coverage --------------------------------------------------------------------------------


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
    },
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


class CoverageFileRenderer(renderers.BaseRenderer):
    """The coverage report as a file, in the language the view answered in."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return reports.export(data, self.format, data["requested_locale"])


class CoverageCsvRenderer(CoverageFileRenderer):
    media_type, format, charset = "text/csv", "csv", "utf-8"


class CoverageXlsxRenderer(CoverageFileRenderer):
    media_type, format = reports.CONTENT_TYPES["xlsx"], "xlsx"


class CoveragePdfRenderer(CoverageFileRenderer):
    media_type, format = reports.CONTENT_TYPES["pdf"], "pdf"


class FilesByFormatOnly(DefaultContentNegotiation):
    """A file only when `?format=` asks for one: the answer then never depends on Accept,
    which the shared API cache does not key on."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if not (format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)):
            renderers = [r for r in renderers if not isinstance(r, CoverageFileRenderer)]
        return super().select_renderer(request, renderers, format_suffix)


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
