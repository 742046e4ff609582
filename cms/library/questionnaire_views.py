"""Filling the questionnaire of a national report in the admin: save, start over, submit.

A submitted report's questionnaire is shown read-only; the secretariat reopens it here.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cms.accounts.roles import is_secretariat

from .admin_guard import forbidden
from .models import NationalReportPage
from .models.questionnaire import in_language
from .questionnaire.admin_form import QuestionnaireForm
from .questionnaire.answers import AnswerErrors, merge_answers
from .questionnaire.filing import (
    ReportIncomplete,
    is_locked,
    locked_message,
    previous_report,
    questionnaire_for,
    questions_of,
    reopen_report,
    start_from_previous,
    submit_report,
)
from .reports import ReportActionError, closed_cycle_refusal


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for reopening"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Recorded with the report, with your name and the date."),
    )


def reopen(request, report):
    """The secretariat reopens a submitted report, giving the reason, which is recorded."""
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for reopening the report."))
    else:
        try:
            reopen_report(report, request.user, form.cleaned_data["reason"])
        except ReportActionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The report was reopened and can be changed again."))
    return redirect("library_questionnaire", report.pk)


def save_answers(request, form, draft, questions):
    """Save the posted answers as a new revision; False (errors on the form) if one is wrong."""
    try:
        with transaction.atomic():
            draft.answers = merge_answers(questions, draft.answers, form.answers())
            draft.save_revision(user=request.user, log_action=True)
    except AnswerErrors as error:
        form.add_answer_errors(error.errors)
        return False
    return True


def fill_questionnaire(request, page_id):
    report = get_object_or_404(NationalReportPage, pk=page_id)
    if not report.permissions_for_user(request.user).may_write():
        return forbidden()
    draft = report.get_latest_revision_as_object()
    if draft.questionnaire_id is None:
        draft.questionnaire = questionnaire_for(draft.cycle)
    language = get_language()
    questions = questions_of(draft)
    locked = is_locked(report)
    refusal = closed_cycle_refusal(request.user, [draft.cycle], creating=False)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "reopen":
        return reopen(request, report)
    if action and (locked or refusal):
        messages.error(request, locked_message(report, request.user) if locked else refusal)
        return redirect("library_questionnaire", page_id)
    if action == "start-from-previous":
        if start_from_previous(draft) is not None:
            draft.save_revision(user=request.user, log_action=True)
            messages.success(request, _("The answers of your last report were copied."))
        return redirect("library_questionnaire", page_id)
    form = QuestionnaireForm(
        questions, draft.answers or {}, language, data=request.POST if action else None
    )
    if locked or refusal:
        form.make_read_only()
    if action and form.is_valid() and save_answers(request, form, draft, questions):
        if action == "save":
            messages.success(request, _("The answers were saved."))
            return redirect("library_questionnaire", page_id)
        try:
            submit_report(report, request.user)
        except ReportIncomplete as error:
            form.add_answer_errors(error.errors)
            form.add_error(None, _("The answers were saved, but the report was not submitted."))
        except ReportActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The report was submitted; a receipt is on its way."))
            return redirect("library_questionnaire", page_id)
    status = 400 if action else 200
    carried = {code for code, answer in (draft.answers or {}).items() if answer.get("carried_over")}
    version = draft.questionnaire
    return TemplateResponse(
        request,
        "library/admin/questionnaire.html",
        {
            "report": draft,
            "form": form,
            "locked": locked,
            "locked_message": locked_message(report, request.user) if locked else "",
            "read_only_reason": "" if locked else refusal or "",
            "reopen_form": ReopenForm() if locked and is_secretariat(request.user) else None,
            "previous": previous_report(draft),
            "carried": carried,
            "version_title": in_language(version.title, language) if version else "",
        },
        status=status,
    )
