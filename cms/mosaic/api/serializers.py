"""Serializers of the MOSAIC API: clauses, assessments, ratings, baseline, gaps, progress."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cms.core.models import Country, MosaicModule

from .. import permissions
from ..assessments import PROGRESS_CHOICES
from ..models import EVIDENCE_LIMIT, Assessment, Clause, Priority, Rating


def clause_text(clause, language):
    served, text = clause.in_language(language)
    return {"text": text, "text_language": served}


class MosaicClauseSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text="module/number, e.g. 05.30/5.1.1")
    module = serializers.CharField(source="module.code", read_only=True)
    theme = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    text_language = serializers.SerializerMethodField(
        help_text="The language of `text`: the source language when no translation exists."
    )

    class Meta:
        model = Clause
        fields = ["id", "code", "module", "number", "theme", "text", "text_language"]

    def get_theme(self, clause) -> str | None:
        return clause.theme.code if clause.theme_id else None

    def get_text(self, clause) -> str:
        return clause_text(clause, self.context.get("language"))["text"]

    def get_text_language(self, clause) -> str:
        return clause_text(clause, self.context.get("language"))["text_language"]


class MosaicLineSerializer(serializers.Serializer):
    clause = serializers.CharField(source="clause.code")
    module = serializers.CharField(source="clause.module.code")
    number = serializers.CharField(source="clause.number")
    text = serializers.SerializerMethodField()
    rating = serializers.ChoiceField(choices=Rating.choices)
    priority = serializers.ChoiceField(choices=Priority.choices)
    evidence = serializers.CharField()

    def get_text(self, line) -> str:
        return clause_text(line.clause, self.context.get("language"))["text"]


class MosaicModuleBaselineSerializer(serializers.Serializer):
    module = serializers.CharField(source="module.code")
    name = serializers.SerializerMethodField()
    clauses = serializers.IntegerField()
    applicable = serializers.IntegerField()
    met = serializers.IntegerField(help_text="Applicable clauses fully or largely met.")
    fully = serializers.IntegerField()
    share_met = serializers.FloatField(allow_null=True, help_text="met / applicable, 0 to 1.")
    score = serializers.FloatField(allow_null=True, help_text="0 to 100.")

    def get_name(self, entry) -> str:
        names = self.context.setdefault("module_names", {})
        language = self.context.get("language")
        if language not in names:
            names[language] = MosaicModule.objects.names(language)
        return names[language].get(entry.module.code, entry.module.name)


class TermCodeField(serializers.CharField):
    """A taxonomy term, named by its code."""

    def to_representation(self, term):
        return term.code


class TermCodesField(serializers.ListField):
    """Taxonomy terms, named by their codes."""

    child = serializers.CharField()

    def to_representation(self, terms):
        return sorted(term.code for term in terms.all())


class MosaicAssessmentSerializer(serializers.ModelSerializer):
    country = TermCodeField(help_text="ISO alpha-2 code of the State assessed.")
    modules = TermCodesField(help_text='MOSAIC module codes, e.g. ["05.30"].')

    class Meta:
        model = Assessment
        fields = ["id", "country", "modules", "title", "assessed_on", "shared", "created_at"]
        read_only_fields = ["created_at"]

    def validate_country(self, code):
        code = (code or "").strip().upper()
        country = Country.objects.source().filter(code=code).first()
        if country is None or not country.is_reporting_state:
            raise serializers.ValidationError(_("Not a reporting State."))
        if not permissions.can_assess_for(self.context["request"].user, code):
            raise serializers.ValidationError(_("You may only assess your own State."))
        return country

    def validate_modules(self, codes):
        if not codes:
            raise serializers.ValidationError(_("Name at least one MOSAIC module."))
        try:
            return MosaicModule.objects.by_codes(codes)
        except LookupError as error:
            raise serializers.ValidationError(
                _("Unknown MOSAIC module: %(codes)s.") % {"codes": error}
            ) from None

    def validate(self, attrs):
        if self.instance is not None:
            # The State and the modules are set when the assessment is made.
            attrs.pop("country", None)
            attrs.pop("modules", None)
        return attrs

    def create(self, validated):
        modules = validated.pop("modules")
        user = self.context["request"].user
        assessment = Assessment.objects.create(
            created_by=user if user.is_authenticated else None, **validated
        )
        assessment.modules.set(modules)
        return assessment

    def update(self, instance, validated):
        validated.pop("modules", None)
        validated.pop("country", None)
        return super().update(instance, validated)


class MosaicAssessmentDetailSerializer(MosaicAssessmentSerializer):
    clauses = serializers.SerializerMethodField()
    baseline = serializers.SerializerMethodField()
    gaps = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    class Meta(MosaicAssessmentSerializer.Meta):
        fields = MosaicAssessmentSerializer.Meta.fields + [
            "can_edit",
            "baseline",
            "gaps",
            "clauses",
        ]

    def summary(self, assessment):
        from ..assessments import baseline, gaps, lines

        cached = self.context.setdefault("summaries", {})
        if assessment.pk not in cached:
            all_lines = lines(assessment)
            cached[assessment.pk] = {
                "lines": all_lines,
                "baseline": baseline(assessment, all_lines),
                "gaps": gaps(assessment, all_lines),
            }
        return cached[assessment.pk]

    def get_clauses(self, assessment) -> MosaicLineSerializer(many=True):
        return MosaicLineSerializer(
            self.summary(assessment)["lines"], many=True, context=self.context
        ).data

    def get_baseline(self, assessment) -> MosaicModuleBaselineSerializer(many=True):
        return MosaicModuleBaselineSerializer(
            self.summary(assessment)["baseline"], many=True, context=self.context
        ).data

    def get_gaps(self, assessment) -> MosaicLineSerializer(many=True):
        return MosaicLineSerializer(
            self.summary(assessment)["gaps"], many=True, context=self.context
        ).data

    def get_can_edit(self, assessment) -> bool:
        return permissions.can_edit(self.context["request"].user, assessment)


class MosaicRatingInputSerializer(serializers.Serializer):
    clause = serializers.CharField(help_text="The clause's code, module/number: 05.30/5.1.1.")
    rating = serializers.ChoiceField(choices=Rating.choices)
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.MEDIUM)
    evidence = serializers.CharField(max_length=EVIDENCE_LIMIT, allow_blank=True, default="")

    def validate_clause(self, code):
        clauses = self.context["clauses"]
        if code not in clauses:
            raise serializers.ValidationError(_("Not a clause of this assessment's modules."))
        return clauses[code]


class MosaicRatingsInputSerializer(serializers.Serializer):
    ratings = MosaicRatingInputSerializer(many=True, allow_empty=False)


class MosaicProposeNeedsInputSerializer(serializers.Serializer):
    clauses = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Only these gaps (clause codes); all gaps when absent.",
    )


class MosaicGapNeedSerializer(serializers.Serializer):
    clause = serializers.CharField(source="clause.code")
    need = serializers.IntegerField(source="need_id")
    status = serializers.CharField(source="need.status")


class MosaicProposedNeedsSerializer(serializers.Serializer):
    created = MosaicGapNeedSerializer(many=True)
    existing = MosaicGapNeedSerializer(many=True)


class MosaicClauseProgressSerializer(serializers.Serializer):
    clause = serializers.CharField(source="line.clause.code")
    before = serializers.ChoiceField(choices=Rating.choices, allow_null=True)
    after = serializers.ChoiceField(choices=Rating.choices)
    change = serializers.ChoiceField(choices=PROGRESS_CHOICES)


class MosaicModuleProgressSerializer(serializers.Serializer):
    module = serializers.CharField(source="baseline.module.code")
    score_before = serializers.FloatField(allow_null=True)
    score_after = serializers.FloatField(allow_null=True)
    change = serializers.ChoiceField(choices=PROGRESS_CHOICES)


class MosaicProgressSerializer(serializers.Serializer):
    since = serializers.IntegerField()
    assessment = serializers.IntegerField()
    modules = MosaicModuleProgressSerializer(many=True)
    clauses = MosaicClauseProgressSerializer(many=True)
