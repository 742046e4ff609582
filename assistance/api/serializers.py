"""Serializers of needs, resources, matches and projects.

Texts come in the requested language (`context["language"]`) when translated, else in their
original language with `is_fallback: true`; `names` gives each code's name in that language.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from cms.core.languages import source_language
from cms.core.models import (
    AssistanceForm,
    Country,
    CountryGroup,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)
from cms.core.states import not_a_reporting_state
from cms.library.models import NationalReportPage

from .. import permissions as rules
from ..currency import currency_choices
from ..matching.explain import explain
from ..models import Match, Need, Project, Resource
from .fields import TermField, TranslatedTextSerializer, TranslationsField, term_list
from .stated_needs import StatedNeedSerializer

# The four lifecycles all have a field named "status"; the schema names their choices
# (see POAISS' ENUM_NAME_OVERRIDES in settings).
NEED_STATUSES = Need.Status
RESOURCE_STATUSES = Resource.Status
MATCH_STATUSES = Match.Status
PROJECT_STATUSES = Project.Status


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
    from_report = serializers.SerializerMethodField()

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
            "latest_start_date",
            "open_since",
            "duration_months",
            "required_unit",
            "required_quantity",
            "priority",
            "concerns_iti",
            "national_report",
            "from_report",
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
        read_only_fields = [
            "status",
            "amount_usd",
            "open_since",
            "consent_given_at",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_history(self, obj):
        return [
            {"from_status": c.from_status, "to_status": c.to_status, "changed_at": c.changed_at}
            for c in obj.history.all()
        ]

    @extend_schema_field(StatedNeedSerializer(allow_null=True))
    def get_from_report(self, obj):
        """The report entry the need was proposed from, and what the State decided; null for a
        need written directly."""
        link = getattr(obj, "stated_in_report", None)
        return StatedNeedSerializer(link).data if link is not None else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not rules.can_see_need_contact(self.context["request"].user, instance):
            data["contact_name"] = data["contact_email"] = ""
        return data

    def validate_country(self, country):
        if not country.is_reporting_state:
            raise ValidationError(not_a_reporting_state(country))
        user = self.context["request"].user
        if not rules.speaks_for_country(user, country.code) and not rules.roles.is_secretariat(
            user
        ):
            raise ValidationError(_("You may submit needs for your own country only."))
        return country


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
            "award_date",
            "decision_days",
            "capacity_unit",
            "capacity",
            "requires_need_from_national_report",
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
            "recipient_rating",
            "recipient_feedback",
            "need_met_by_provider",
            "provider_rating",
            "provider_feedback",
            "updated_at",
        ]
        read_only_fields = fields

    @property
    def language(self):
        return self.context.get("language") or source_language()

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


class ProjectSerializer(TranslatedTextSerializer):
    TERM_FIELDS = {
        "implementing_organisation": Organisation,
        "reporting_organisation": Organisation,
        "focus_countries": Country,
        "focus_regions": Region,
        "themes": ThematicArea,
    }

    implementing_organisation = TermField(Organisation, required=False, allow_null=True)
    reporting_organisation = TermField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Code of the organisation that publishes the project in IATI.",
    )
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
            "dac_sector",
            "reporting_organisation",
            "reporting_org_ref",
            "reporting_org_type",
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
