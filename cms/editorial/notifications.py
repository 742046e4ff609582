"""Workflow e-mails: written to the outbox in the transaction, sent by Celery after commit.

Wagtail sends its moderation e-mails synchronously from signal handlers, in the request
that approves or rejects. Here the same signals write one `Notification` row per recipient
(the record of what is owed and what was sent) and an outbox message to send it once the
transaction commits; the handler renders Wagtail's own notification templates in the
recipient's preferred language, and sends a row once however often it runs.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile as WagtailUserProfile

from cms.outbox.service import enqueue

from .models import LanguageReviewTask, Notification

Event = Notification.Event

# Wagtail's own receivers, by the dispatch_uid they are connected with.
WAGTAIL_RECEIVERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
)

# Which Wagtail notification preference (UserProfile.<name>_notifications) governs an event.
PREFERENCES = {
    Event.WORKFLOW_SUBMITTED: "submitted",
    Event.TASK_SUBMITTED: "submitted",
    Event.APPROVED: "approved",
    Event.REJECTED: "rejected",
}


def include_superusers():
    return getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True)


def superusers():
    return get_user_model().objects.filter(is_superuser=True)


def task_reviewers(task_state):
    """Everyone who may act on the task: its groups, or the page language's reviewers."""
    User = get_user_model()
    task = task_state.task.specific
    obj = task_state.workflow_state.content_object
    if isinstance(task, LanguageReviewTask):
        reviewers = User.objects.filter(groups__name=task.reviewers_group_name(obj))
    elif isinstance(task, AbstractGroupApprovalTask):
        reviewers = User.objects.filter(groups__in=task.groups.all())
    else:
        reviewers = User.objects.none()
    if include_superusers():
        reviewers = reviewers | superusers()
    return reviewers.distinct()


def wants(user, event):
    if not (user and user.is_active and user.email):
        return False
    return getattr(WagtailUserProfile.get_for_user(user), f"{PREFERENCES[event]}_notifications")


def queue(event, workflow_state, recipients, task_state=None, triggered_by=None):
    """Write the owed e-mails and send them once the surrounding transaction commits."""
    from .tasks import SEND_NOTIFICATION

    for recipient in recipients:
        if recipient is None or recipient == triggered_by or not wants(recipient, event):
            continue
        notification, created = Notification.objects.get_or_create(
            key=Notification.make_key(event, workflow_state, task_state, recipient),
            defaults={
                "event": event,
                "recipient": recipient,
                "workflow_state": workflow_state,
                "task_state": task_state,
            },
        )
        if created:
            enqueue(
                SEND_NOTIFICATION,
                f"notification:{notification.pk}",
                {"notification": notification.pk},
            )


def on_task_submitted(sender, instance, user=None, **kwargs):
    queue(
        Event.TASK_SUBMITTED,
        instance.workflow_state,
        task_reviewers(instance),
        task_state=instance,
        triggered_by=user,
    )


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    recipients = superusers() if include_superusers() else []
    queue(Event.WORKFLOW_SUBMITTED, instance, recipients, triggered_by=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    # The author gets the page back, with the reviewer's comment.
    queue(
        Event.REJECTED,
        instance,
        [instance.requested_by],
        task_state=instance.current_task_state,
        triggered_by=user,
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    queue(Event.APPROVED, instance, [instance.requested_by], triggered_by=user)


HANDLERS = {
    "group_approval_task_submitted_email_notification": on_task_submitted,
    "workflow_state_submitted_email_notification": on_workflow_submitted,
    "workflow_state_rejected_email_notification": on_workflow_rejected,
    "workflow_state_approved_email_notification": on_workflow_approved,
}


def replace_wagtail_notifiers():
    """Take over Wagtail's dispatch_uids, whichever app's ready() runs first.

    If Wagtail connected first, its receivers are removed; if this runs first, Wagtail's
    later connect() with the same dispatch_uid is a no-op.
    """
    for signal, sender, dispatch_uid in WAGTAIL_RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(HANDLERS[dispatch_uid], sender=sender, dispatch_uid=dispatch_uid)
