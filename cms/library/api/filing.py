"""Filing a national report through the API: answers, submission, reopening, the diff.

Mixed into `NationalReportViewSet` (cms.library.api.reports), which holds reading and saving drafts.
Errors about answers are keyed `answers.<question code>`, in the API's one error shape.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cms.accounts.roles import is_secretariat
from cms.api.schema import ERROR

from ..models import NationalReportPage
from ..questionnaire.answers import AnswerErrors, differences, merge_answers
from ..questionnaire.filing import (
    ReportIncomplete,
    is_locked,
    locked_message,
    previous_report,
    questions_of,
    reopen_report,
    submit_report,
)
from ..reports import ReportActionError
from .questionnaire import ANSWER_VALUE

ANSWER = {
    "type": "object",
    "properties": {
        "value": ANSWER_VALUE,
        "details": {"type": "string", "description": "Plain text."},
        "carried_over": {
            "type": "boolean",
            "readOnly": True,
            "description": "Copied from the State's previous report and not changed since.",
        },
    },
}
ANSWERS = {
    "type": "object",
    "additionalProperties": ANSWER,
    "description": "Answers keyed by question code (GET /api/v2/questionnaires/{code}/). In "
    "a PATCH, the answers given replace those questions' answers, null removes one, and the "
    "others stay as they are.",
}


@extend_schema_field(ANSWERS)
class AnswersField(serializers.JSONField):
    pass


class ReportLocked(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "report_locked"


def answer_errors(errors):
    """{question code: [messages]} as the API's error fields, `answers.<code>`."""
    return {f"answers.{code}": messages for code, messages in errors.items()}


def apply_answers(report, incoming):
    """Merge `incoming` into the report's answers, or raise a 400 naming each question."""
    if incoming is None:
        return
    try:
        report.answers = merge_answers(questions_of(report), report.answers, incoming)
    except AnswerErrors as error:
        raise exceptions.ValidationError(answer_errors(error.errors)) from None


def refuse_if_locked(report):
    if is_locked(report):
        raise ReportLocked(locked_message(report))


class ReportReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the report is reopened.")


class ReportChangeSerializer(serializers.Serializer):
    question = serializers.CharField()
    change = serializers.ChoiceField(["added", "removed", "changed"])
    previous = serializers.JSONField(allow_null=True)
    current = serializers.JSONField(allow_null=True)


class ReportDiffSerializer(serializers.Serializer):
    report = serializers.IntegerField()
    against = serializers.IntegerField(allow_null=True)
    against_cycle = serializers.CharField(allow_null=True)
    changes = ReportChangeSerializer(many=True)


FILING_ERRORS = {400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR, 409: ERROR}


class ReportFilingMixin:
    """Submit, reopen, discard a draft, and compare with the State's previous report."""

    @extend_schema(request=None, responses={200: None, **FILING_ERRORS})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the report: it is locked, the submitter receives a receipt, review starts.

        Every required question must be answered (otherwise a 400 naming each one).
        """
        report = self.get_object()
        refuse_if_locked(report)
        self.refuse_closed_cycle([self.latest(report).cycle])
        try:
            submit_report(report, request.user)
        except ReportIncomplete as error:
            raise exceptions.ValidationError(answer_errors(error.errors)) from None
        except ReportActionError as error:
            raise exceptions.ValidationError({"non_field_errors": [error.message]}) from None
        report.refresh_from_db()
        return Response(self.get_serializer(self.latest(report)).data)

    @extend_schema(request=ReportReopenSerializer, responses={200: None, **FILING_ERRORS})
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """The secretariat reopens a submitted report so that it can be changed again."""
        report = get_object_or_404(NationalReportPage, pk=self.checked_pk())
        if not is_secretariat(request.user):
            raise exceptions.PermissionDenied(_("Only the secretariat reopens a submitted report."))
        serializer = ReportReopenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            reopen_report(report, request.user, serializer.validated_data["reason"])
        except ReportActionError as error:
            raise ReportLocked(error.message) from None
        return Response(self.get_serializer(self.latest(report)).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "against",
                int,
                description="Id of the report to compare with; default: the State's report "
                "for the latest earlier cycle.",
            )
        ],
        responses={200: ReportDiffSerializer, **FILING_ERRORS},
    )
    @action(detail=True, methods=["get"])
    def diff(self, request, pk=None):
        """What the answers of this report change from the State's previous report."""
        report = self.latest(self.get_object())
        against = request.query_params.get("against")
        if against is not None:
            if not against.isascii() or not against.isdigit():
                raise exceptions.ValidationError({"against": [_("Give a report id.")]})
            other = get_object_or_404(self.get_queryset(), pk=int(against))
            self.check_object_permissions(request, other)
            previous = self.latest(other)
        else:
            previous = previous_report(report)
        changes = differences(
            previous.answers if previous else {}, report.answers or {}, questions_of(report)
        )
        return Response(
            {
                "report": report.pk,
                "against": previous.pk if previous else None,
                "against_cycle": previous.cycle.code if previous else None,
                "changes": changes,
            }
        )

    @extend_schema(responses={204: None, **FILING_ERRORS})
    def destroy(self, request, *args, **kwargs):
        """Discard a draft that was never published nor submitted."""
        report = self.get_object()
        refuse_if_locked(report)
        if report.live or report.first_published_at is not None:
            raise ReportLocked(_("A published report cannot be discarded; unpublish it instead."))
        if report.workflow_in_progress:
            raise ReportLocked(_("This report is in review and cannot be discarded."))
        if not report.permissions_for_user(request.user).can_delete():
            raise exceptions.PermissionDenied(_("You may not discard this report."))
        with transaction.atomic():
            report.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def checked_pk(self):
        pk = str(self.kwargs["pk"])
        if not pk.isascii() or not pk.isdigit():
            raise exceptions.ValidationError({"id": [_("A report id is a whole number.")]})
        return int(pk)
