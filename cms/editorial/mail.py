"""Render a workflow notification with Wagtail's templates, in the recipient's language."""

from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.mail import send_mail
from wagtail.models import Page

from cms.core.languages import preferred_language

from .models import Notification

Event = Notification.Event
TEMPLATE_DIRECTORY = "wagtailadmin/notifications/"
TEMPLATES = {
    Event.WORKFLOW_SUBMITTED: "workflow_state_submitted",
    Event.TASK_SUBMITTED: "task_state_submitted",
    Event.APPROVED: "workflow_state_approved",
    Event.REJECTED: "workflow_state_rejected",
}


def translated_name(named):
    """Workflow and task names shipped by the suite are translated; others show as typed."""
    return SimpleNamespace(name=gettext(named.name), id=named.pk, pk=named.pk)


def context_for(notification):
    workflow_state = notification.workflow_state
    obj = workflow_state.content_object
    if isinstance(obj, Page):
        obj = obj.specific
    context = {
        "settings": settings,
        "user": notification.recipient,
        "workflow": translated_name(workflow_state.workflow),
        "object": obj,
        "model_name": obj._meta.verbose_name,
        "requested_by": workflow_state.requested_by,
    }
    if isinstance(obj, Page):
        context["page"] = obj
    task_state = notification.task_state
    if task_state is not None:
        task_state = task_state.specific
        context["task"] = translated_name(task_state.task)
        context["task_state"] = task_state
        context["comment"] = task_state.get_comment()
    return context


def deliver(notification):
    base = TEMPLATE_DIRECTORY + TEMPLATES[notification.event]
    recipient = notification.recipient
    with translation.override(preferred_language(recipient)):
        context = context_for(notification)
        subject = " ".join(render_to_string(base + "_subject.txt", context).split())
        body = render_to_string(base + ".txt", context).strip()
        html = None
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
            html = render_to_string(base + ".html", context)
    send_mail(subject, body, [recipient.email], html_message=html, fail_silently=False)
