"""National reports, for the points of contact who write them."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from cms.api.idempotency import IdempotentPostMixin
from cms.api.input import StrictFormParser, StrictJSONParser, StrictMultiPartParser
from cms.api.languages import LANGUAGE_CODES
from cms.api.schema import ERROR
from cms.core.languages import source_language
from cms.core.models import Country

from ..models import (
    NationalReportFile,
    NationalReportPage,
    ReportKind,
)
from ..permissions import (
    limited_to_country,
    may_add_reports,
)
from ..questionnaire.filing import questionnaire_for, start_from_previous
from ..reports import closed_cycle_refusal, default_title, reports_index_for
from ..uploads import validate_report_file
from .filing import (
    FILING_ERRORS,
    ReportFilingMixin,
    apply_answers,
    refuse_if_locked,
)
from .serializers import NationalReportSerializer

REPORT_FILES_COLLECTION = "National reports"


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
