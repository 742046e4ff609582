"""National reports for their authors, the world reporting status, and country profiles."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from cms.api.idempotency import IdempotentPostMixin
from cms.api.input import StrictFormParser, StrictJSONParser, StrictMultiPartParser
from cms.api.languages import LANGUAGE_CODES, QueryParameterError, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.languages import source_language
from cms.core.models import Country, Region
from cms.core.states import not_a_reporting_state

from .filing_api import (
    FILING_ERRORS,
    AnswersField,
    ReportFilingMixin,
    apply_answers,
    refuse_if_locked,
)
from .models import (
    Instrument,
    NationalReportFile,
    NationalReportPage,
    ReportingCycle,
    ReportKind,
)
from .overview import STATUSES, cycles_for, reporting_status
from .permissions import (
    NO_COUNTRY,
    limited_to_country,
    may_add_reports,
    may_handle_country,
    own_country_only,
)
from .profiles import build_profile
from .questionnaire.filing import locking_submission, questionnaire_for, start_from_previous
from .report_blocks import ReportSectionsBlock
from .reports import closed_cycle_refusal, default_title, reports_index_for
from .uploads import validate_report_file

REPORT_FILES_COLLECTION = "National reports"


# --- National reports, for the points of contact who write them -----------------------------


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


class CanEditReport(permissions.BasePermission):
    message = _("You may not handle another country's report.")

    def has_object_permission(self, request, view, obj):
        return obj.permissions_for_user(request.user).may_write()


REPORT_ERRORS = {400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR}
FILE_UPLOAD = inline_serializer(
    "NationalReportFileUpload",
    {
        "file": serializers.FileField(help_text="A PDF file."),
        "language": serializers.ChoiceField(LANGUAGE_CODES),
        "title": serializers.CharField(required=False),
    },
)


@extend_schema(tags=["national-reports"])
@extend_schema_view(
    submit=extend_schema(responses={200: NationalReportSerializer, **FILING_ERRORS}),
    reopen=extend_schema(responses={200: NationalReportSerializer, **FILING_ERRORS}),
)
class NationalReportViewSet(
    ReportFilingMixin,
    IdempotentPostMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Drafts of national reports, for the points of contact who write them.

    A national point of contact lists, reads and updates the reports of the country they
    represent (another country's: 403), saves drafts, and submits them into moderation.
    Reports are created for the cycle open for submissions only; points of contact also edit
    only there, the secretariat in any cycle (otherwise a 400 on `cycle`). Published reports
    are public through /api/v2/pages/.
    """

    serializer_class = NationalReportSerializer
    permission_classes = [permissions.IsAuthenticated, CanEditReport]
    parser_classes = [StrictJSONParser]  # files are uploaded by their own action
    queryset = NationalReportPage.objects.all()

    def get_queryset(self):
        reports = NationalReportPage.objects.select_related("country", "cycle", "locale")
        if self.action != "list":
            return reports
        user = self.request.user
        limit = limited_to_country(user)
        if limit is not None:
            reports = reports.filter(country__code=limit)
        elif not user.is_superuser:
            from wagtail.permission_policies.pages import PagePermissionPolicy

            editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
            reports = reports.filter(pk__in=editable.values("pk"))
        return reports.order_by("-cycle__year", "country__code", "locale_id")

    def latest(self, report):
        return report.get_latest_revision_as_object()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return [self.latest(report) for report in page] if page is not None else None

    def get_object(self):
        if not str(self.kwargs["pk"]).isascii() or not str(self.kwargs["pk"]).isdigit():
            raise exceptions.ValidationError({"id": [_("A report id is a whole number.")]})
        report = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, report)
        return report

    @extend_schema(
        parameters=[OpenApiParameter("limit", int), OpenApiParameter("offset", int)],
        responses={200: NationalReportSerializer(many=True), **REPORT_ERRORS},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: NationalReportSerializer, **REPORT_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        report = self.get_object()
        return Response(self.get_serializer(self.latest(report)).data)

    @extend_schema(
        request=NationalReportSerializer,
        responses={201: NationalReportSerializer, **REPORT_ERRORS},
    )
    def create(self, request, *args, **kwargs):
        if not may_add_reports(request.user):
            raise exceptions.PermissionDenied(_("You may not add national reports."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        language = values.get("locale") or source_language()
        locale = Locale.objects.get(language_code=language)
        index = reports_index_for(locale)
        if index is None:
            raise exceptions.ValidationError(
                {"locale": [_("There is no national reports section in this language.")]}
            )
        if not index.permissions_for_user(request.user).can_add_subpage():
            raise exceptions.PermissionDenied(_("You may not add national reports."))
        self.refuse_closed_cycle([values["cycle"]], creating=True)
        country = Country.objects.by_code(values["country"], language)
        with translation.override(language):
            title = values.get("title") or default_title(country, values["cycle"])
        self.refuse_second_report(country, values["cycle"], locale)
        report = NationalReportPage(
            title=title,
            country=country,
            instrument=values["instrument"],
            kind=values.get("kind") or ReportKind.FULL,
            cycle=values["cycle"],
            questionnaire=questionnaire_for(values["cycle"]),
            submission_date=values.get("submission_date"),
            sections=values.get("sections", []),
            live=False,
            owner=request.user,
            locale=locale,
        )
        if values.get("start_from_previous_report"):
            start_from_previous(report)
        apply_answers(report, values.get("answers"))
        try:
            with transaction.atomic():
                index.add_child(instance=report)
                report.save_revision(user=request.user, log_action=True)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from None
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=NationalReportSerializer(partial=True),
        responses={200: NationalReportSerializer, **REPORT_ERRORS},
    )
    def partial_update(self, request, *args, **kwargs):
        report = self.latest(self.get_object())
        refuse_if_locked(report)
        serializer = self.get_serializer(report, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        if "locale" in values and values["locale"] != report.locale.language_code:
            raise exceptions.ValidationError(
                {"locale": [_("The language of a report cannot be changed.")]}
            )
        self.refuse_closed_cycle([report.cycle, values.get("cycle")])
        if "country" in values:
            report.country = Country.objects.by_code(
                values.pop("country"), report.locale.language_code
            )
        for name in ("title", "instrument", "kind", "cycle", "submission_date", "sections"):
            if name in values:
                setattr(report, name, values[name])
        apply_answers(report, values.get("answers"))
        with transaction.atomic():
            self.full_clean(report)
            report.save_revision(user=request.user, log_action=True)
        return Response(self.get_serializer(report).data)

    def refuse_second_report(self, country, cycle, locale):
        """A State has one report per cycle: point at the draft to resume or discard."""
        existing = (
            NationalReportPage.objects.filter(
                country__code=country.code, cycle=cycle, locale=locale
            )
            .order_by("pk")
            .first()
        )
        if existing is not None:
            raise exceptions.ValidationError(
                {
                    "cycle": [
                        _(
                            "%(country)s already has a report for %(cycle)s (id %(id)d): "
                            "resume it, or discard the draft first."
                        )
                        % {"country": country.name, "cycle": cycle, "id": existing.pk}
                    ]
                }
            )

    def refuse_closed_cycle(self, cycles, creating=False):
        refusal = closed_cycle_refusal(self.request.user, cycles, creating)
        if refusal:
            raise exceptions.ValidationError({"cycle": [refusal]})

    def full_clean(self, report):
        try:
            report.full_clean()
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from None

    @extend_schema(
        request={"multipart/form-data": FILE_UPLOAD},
        responses={201: NationalReportSerializer, **REPORT_ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[StrictMultiPartParser, StrictFormParser])
    def files(self, request, pk=None):
        """Attach a submitted PDF file, in one language, to the draft."""
        report = self.latest(self.get_object())
        refuse_if_locked(report)
        self.refuse_closed_cycle([report.cycle])
        upload = request.FILES.get("file")
        errors = {}
        if upload is None:
            errors["file"] = [_("Attach the PDF file of the report.")]
        else:
            try:
                validate_report_file(upload)
            except DjangoValidationError as error:
                errors["file"] = error.messages
        language = request.data.get("language")
        if language not in LANGUAGE_CODES:
            errors["language"] = [
                _("Give the language of the file: one of %(codes)s.")
                % {"codes": ", ".join(LANGUAGE_CODES)}
            ]
        if errors:
            raise exceptions.ValidationError(errors)
        Document = get_document_model()
        with transaction.atomic():
            document = Document(
                title=request.data.get("title") or upload.name,
                file=upload,
                collection=report_files_collection(),
                uploaded_by_user=request.user,
            )
            document.save()
            files = list(report.files.all())
            files.append(NationalReportFile(language=language, document=document))
            report.files = files
            report.save_revision(user=request.user, log_action=True)
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)


def report_files_collection():
    collection = Collection.objects.filter(name=REPORT_FILES_COLLECTION, depth=2).first()
    return collection or Collection.get_first_root_node()


# --- The world overview ------------------------------------------------------------------


CYCLE_STATUS = inline_serializer(
    "CycleStatus",
    {
        "cycle": serializers.CharField(),
        "status": serializers.ChoiceField(STATUSES),
    },
)
REPORTING_STATUS = inline_serializer(
    "ReportingStatus",
    {
        "cycles": inline_serializer(
            "ReportingCycle",
            {
                "code": serializers.CharField(),
                "year": serializers.IntegerField(),
                "label": serializers.CharField(),
            },
        ).__class__(many=True),
        "statuses": serializers.DictField(child=serializers.CharField()),
        "items": inline_serializer(
            "CountryReportingStatus",
            {
                "code": serializers.CharField(),
                "alpha3": serializers.CharField(),
                "name": serializers.CharField(),
                "locale": serializers.ChoiceField(LANGUAGE_CODES),
                "region": serializers.CharField(allow_null=True),
                "statuses": CYCLE_STATUS.__class__(many=True),
            },
        ).__class__(many=True),
    },
)


ALL_CYCLES = "all"


class ReportingStatusView(APIView):
    """Every reporting State's status by cycle, from the published national reports.

    The States are the 193 UN Member States and the two non-member observer States, named as
    the UN names them (M49) in the requested language.
    """

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="reporting_status",
        tags=["national-reports"],
        parameters=[
            LOCALE,
            OpenApiParameter(
                "cycle",
                str,
                description="Reporting cycle code (e.g. BMS8); repeat or separate with commas, "
                "or `all` for every cycle. Default: the cycle open for submissions (every "
                "cycle when none is open).",
            ),
            OpenApiParameter(
                "region", str, description="UN M49 region, sub-region or intermediate region."
            ),
        ],
        responses={200: REPORTING_STATUS, 400: ERROR},
    )
    def get(self, request):
        language = language_or_default(request)
        codes = [
            code.strip()
            for value in request.query_params.getlist("cycle")
            for code in value.split(",")
            if code.strip()
        ]
        if codes == [ALL_CYCLES]:
            codes = []
        elif not codes:
            open_cycle = ReportingCycle.objects.open_for_submissions()
            codes = [open_cycle.code] if open_cycle else []
        cycles = cycles_for(codes)
        unknown = set(codes) - {cycle.code for cycle in cycles}
        if unknown:
            raise QueryParameterError(
                "cycle",
                _("Unknown reporting cycle %(codes)s; use one of %(known)s.")
                % {
                    "codes": ", ".join(sorted(unknown)),
                    "known": ", ".join(ReportingCycle.objects.values_list("code", flat=True)),
                },
            )
        region = request.query_params.get("region")
        if region is not None and not Region.objects.filter(code=region).exists():
            raise QueryParameterError("region", _("Unknown region %(code)r.") % {"code": region})
        with translation.override(language):
            rows = reporting_status(language, cycles, region)
            from .overview import STATUS_LABELS

            return Response(
                {
                    "cycles": [
                        {"code": cycle.code, "year": cycle.year, "label": str(cycle.label)}
                        for cycle in cycles
                    ],
                    "statuses": {key: str(label) for key, label in STATUS_LABELS.items()},
                    "items": [
                        {
                            "code": row.country.code,
                            "alpha3": row.country.alpha3,
                            "name": row.country.name,
                            "locale": row.country.locale.language_code,
                            "region": row.country.region.code if row.country.region else None,
                            "statuses": [
                                {"cycle": code, "status": value}
                                for code, value in row.statuses.items()
                            ],
                        }
                        for row in rows
                    ],
                }
            )


# --- Country profiles --------------------------------------------------------------------


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


country_profile = CountryProfileView.as_view()
