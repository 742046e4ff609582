"""The national report as its authors read and write it."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers

from cms.api.languages import LANGUAGE_CODES
from cms.core.models import Country
from cms.core.states import not_a_reporting_state

from ..models import (
    Instrument,
    ReportingCycle,
    ReportKind,
)
from ..permissions import (
    NO_COUNTRY,
    limited_to_country,
    may_handle_country,
    own_country_only,
)
from ..questionnaire.filing import locking_submission
from ..report_blocks import ReportSectionsBlock
from .filing import (
    AnswersField,
)


class ReportFileSerializer(serializers.Serializer):
    language = serializers.ChoiceField(LANGUAGE_CODES)
    document_id = serializers.IntegerField()
    title = serializers.CharField(source="document.title")
    download_url = serializers.CharField()
    extraction_status = serializers.SerializerMethodField()
    extraction_error = serializers.SerializerMethodField()

    def extraction_record(self, item):
        return getattr(item.document, "extracted_text", None)

    def get_extraction_status(self, item) -> str:
        record = self.extraction_record(item)
        return record.status if record else "pending"

    def get_extraction_error(self, item) -> str:
        record = self.extraction_record(item)
        return record.error if record else ""


class SectionsField(serializers.JSONField):
    """The report sections as StreamField JSON: [{"type": "...", "value": ...}, ...]."""

    def to_representation(self, value):
        return value.get_prep_value()

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, list) or not all(
            isinstance(item, dict) and isinstance(item.get("type"), str) for item in data
        ):
            raise serializers.ValidationError(_("Give a list of {type, value} objects."))
        block = ReportSectionsBlock()
        unknown = {item["type"] for item in data} - set(block.child_blocks)
        if unknown:
            raise serializers.ValidationError(
                _("Unknown sections: %(names)s.") % {"names": ", ".join(sorted(unknown))}
            )
        try:
            value = block.to_python(data)
            value = block.clean(value)
        except (DjangoValidationError, TypeError, ValueError, AttributeError, KeyError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            raise serializers.ValidationError(messages) from None
        return value


class NationalReportSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=255, required=False)
    locale = serializers.ChoiceField(LANGUAGE_CODES, required=False)
    country = serializers.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code.")
    instrument = serializers.ChoiceField(Instrument.choices)
    kind = serializers.ChoiceField(
        ReportKind.choices,
        required=False,
        help_text="A full report, or an update reporting what changed since the previous one.",
    )
    cycle = serializers.SlugRelatedField(
        slug_field="code",
        queryset=ReportingCycle.objects.all(),
        help_text="e.g. BMS9. New reports are filed for the cycle open for submissions "
        "(GET /api/v2/reporting-cycles/); points of contact edit only there.",
    )
    submission_date = serializers.DateField(required=False, allow_null=True)
    sections = SectionsField(
        required=False, help_text="Free-text sections of reports filed before the questionnaire."
    )
    questionnaire = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="The questionnaire version the answers follow, e.g. v2026.",
    )
    answers = AnswersField(required=False)
    start_from_previous_report = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="On creation: copy the answers of the State's report for the latest earlier "
        "cycle (each marked carried_over until changed).",
    )
    locked = serializers.BooleanField(
        read_only=True, help_text="Submitted: no change until the secretariat reopens it."
    )
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    files = ReportFileSerializer(many=True, read_only=True)
    status = serializers.ChoiceField(
        ["draft", "in_moderation", "live", "live_with_draft"], read_only=True
    )
    print_url = serializers.CharField(read_only=True)

    def to_representation(self, report):
        from django.urls import reverse

        submission = locking_submission(report)
        data = {
            "id": report.pk,
            "title": report.title,
            "locale": report.locale.language_code,
            "country": report.country.code,
            "instrument": report.instrument,
            "kind": report.kind,
            "cycle": report.cycle.code,
            "submission_date": report.submission_date.isoformat()
            if report.submission_date
            else None,
            "sections": SectionsField().to_representation(report.sections),
            "questionnaire": report.questionnaire_code,
            "answers": report.answers or {},
            "locked": submission is not None,
            "submitted_at": submission.submitted_at.isoformat() if submission else None,
            "files": ReportFileSerializer(list(report.files.all()), many=True).data,
            "status": report_status(report),
            "print_url": reverse("library_print_report", args=[report.pk]),
        }
        return data

    def validate_country(self, code):
        code = code.upper()
        country = Country.objects.source().filter(code=code).first()
        if country is None:
            raise serializers.ValidationError(_("Unknown country code %(code)s.") % {"code": code})
        if not country.is_reporting_state:
            raise serializers.ValidationError(not_a_reporting_state(country))
        user = self.context["request"].user
        if limited_to_country(user) == NO_COUNTRY:  # a point of contact of no State files none
            raise exceptions.PermissionDenied(
                _("You may only submit reports for the country you represent.")
            )
        if not may_handle_country(user, code):
            raise serializers.ValidationError(own_country_only(user))
        return code


def report_status(report):
    if report.workflow_in_progress:
        return "in_moderation"
    if report.live:
        return "live_with_draft" if report.has_unpublished_changes else "live"
    return "draft"
