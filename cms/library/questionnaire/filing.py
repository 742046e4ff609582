"""Filing a national report: its questionnaire, the previous report, submission and reopening.

Submitting records who and when in a `ReportSubmission`, locks the report, queues the
receipt e-mail through the outbox and starts the review workflow, all in one transaction.
The secretariat reopens a locked report (the reason is recorded); a reviewer's request for
changes reopens it too, since the State must then edit it.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cms.accounts.roles import is_secretariat
from cms.core.languages import preferred_language
from cms.outbox.service import enqueue

from ..models import NationalReportPage, QuestionnaireVersion, ReportSubmission
from ..reports import ReportActionError, submit_for_moderation
from .answers import carried_over, missing_required

SEND_RECEIPT = "library.send-submission-receipt"


class ReportIncomplete(ReportActionError):
    """Required questions are open: `errors` is {question code: [message]}."""

    def __init__(self, errors):
        super().__init__(_("Answer the required questions before submitting the report."))
        self.errors = errors


def questionnaire_for(cycle):
    """The version a cycle's reports answer: the cycle's own, else the first one loaded.

    Cycles from before structured reporting have no version of their own; their reports
    are read into the first version, whose questions they answered in free text.
    """
    if cycle is not None and cycle.questionnaire_id:
        return cycle.questionnaire
    return QuestionnaireVersion.objects.order_by("code").first()


def questions_of(report):
    version = report.questionnaire or questionnaire_for(report.cycle)
    return version.questions_by_code() if version else {}


def locking_submission(report):
    return ReportSubmission.objects.locking().filter(report_id=report.pk).first()


def is_locked(report):
    return (
        report.pk is not None
        and ReportSubmission.objects.locking().filter(report_id=report.pk).exists()
    )


def locked_message(report, user=None):
    """Why a submitted report cannot be changed, dated in the active language.

    The secretariat is told it may reopen the report itself; everyone else, whom to ask.
    """
    submission = locking_submission(report)
    when = submission.submitted_at if submission else timezone.now()
    date = formats.date_format(timezone.localtime(when), "DATE_FORMAT")
    if is_secretariat(user):
        return _(
            "This report was submitted on %(date)s and is locked until the secretariat reopens "
            "it; reopen it from its questionnaire to make changes."
        ) % {"date": date}
    return _(
        "This report was submitted on %(date)s and is locked; ask the secretariat to reopen "
        "it to make changes."
    ) % {"date": date}


def previous_report(report):
    """The State's report for the latest earlier cycle, as last saved: its own language first."""
    earlier = (
        NationalReportPage.objects.filter(
            country__code=report.country.code, cycle__year__lt=report.cycle.year
        )
        .exclude(pk=report.pk)
        .select_related("cycle", "locale")
        .order_by("-cycle__year")
    )
    found = list(earlier[:12])
    if not found:
        return None
    latest_year = found[0].cycle.year
    same_cycle = [page for page in found if page.cycle.year == latest_year]
    mine = [page for page in same_cycle if page.locale_id == report.locale_id]
    chosen = (mine or same_cycle)[0]
    return chosen.get_latest_revision_as_object()


def start_from_previous(report):
    """Copy the answers of the State's previous report that this version still asks.

    Returns the previous report (None when the State has none); each copied answer is
    marked `carried_over` until it is changed.
    """
    previous = previous_report(report)
    if previous is not None:
        report.answers = {
            **carried_over(previous.answers, questions_of(report)),
            **(report.answers or {}),
        }
    return previous


@transaction.atomic
def submit_report(report, user):
    """Lock the latest draft, record the submission, send the receipt, start the review."""
    if is_locked(report):
        raise ReportActionError(locked_message(report))
    draft = report.get_latest_revision_as_object()
    missing = missing_required(questions_of(draft), draft.answers or {}, draft.instrument)
    if missing:
        raise ReportIncomplete(missing)
    if draft.submission_date is None:
        draft.submission_date = timezone.localdate()
        draft.save_revision(user=user, log_action=True)
        report.refresh_from_db()
    submit_for_moderation(report, user)  # records the submission (see record_submission)
    return locking_submission(report)


def refusal_to_submit(report):
    """Why the report's latest draft cannot be submitted (a message), or None."""
    if is_locked(report):
        return locked_message(report)
    draft = report.get_latest_revision_as_object()
    if missing_required(questions_of(draft), draft.answers or {}, draft.instrument):
        return _("Answer the required questions before submitting the report.")
    return None


def record_submission(report, user):
    """Lock the report and queue the receipt, whichever door the submission came in by."""
    if is_locked(report):
        return locking_submission(report)
    submission = ReportSubmission.objects.create(
        report=report,
        submitted_at=timezone.now(),
        submitted_by=user,
        revision=report.latest_revision,
    )
    enqueue(SEND_RECEIPT, f"submission:{submission.pk}", {"submission": submission.pk})
    return submission


@transaction.atomic
def reopen_report(report, user, reason=""):
    if not is_secretariat(user):
        raise ReportActionError(_("Only the secretariat reopens a submitted report."))
    submission = locking_submission(report)
    if submission is None:
        raise ReportActionError(_("This report is not locked."))
    record_reopening(submission, user, reason)
    return submission


def record_reopening(submission, user, reason):
    submission.reopened_at = timezone.now()
    submission.reopened_by = user
    submission.reopen_reason = reason
    submission.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])


def reopen_for_changes(report, reviewer):
    """A reviewer asked for changes: the State edits the report again."""
    submission = locking_submission(report)
    if submission is not None:
        record_reopening(submission, reviewer, _("Changes requested in review."))


def send_receipt(submission_pk):
    """Send the receipt of a submission once; a failing mail server leaves it for the replay."""
    with transaction.atomic():
        submission = (
            ReportSubmission.objects.select_for_update(of=("self",))
            .select_related("submitted_by", "report", "report__cycle", "report__country")
            .filter(pk=submission_pk)
            .first()
        )
        if submission is None or submission.receipt_sent_at or not submission.submitted_by:
            return False
        user = submission.submitted_by
        if not user.email:
            return False
        report = submission.report
        with translation.override(preferred_language(user)):
            context = {
                "user": user,
                "report": report,
                "cycle": report.cycle,
                "country": report.country.__class__.objects.by_code(
                    report.country.code, translation.get_language()
                ),
                "submission": submission,
            }
            subject = " ".join(
                render_to_string("library/email/submission_receipt_subject.txt", context).split()
            )
            body = render_to_string("library/email/submission_receipt.txt", context)
        from django.core.mail import send_mail

        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        submission.receipt_sent_at = timezone.now()
        submission.save(update_fields=["receipt_sent_at"])
    return True
