"""Workflow tasks of the editorial process and the outbox of its e-mail notifications."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, LockableMixin, Page, Task, TaskState

from cms.accounts.roles import LANGUAGE_REVIEWERS_PREFIX, language_reviewers_group_name
from cms.core.languages import UN_LANGUAGE_CODES


def is_synced_translation(obj):
    """True when the object's text comes from a wagtail-localize translation of its source."""
    from wagtail_localize.models import Translation

    translation_key = getattr(obj, "translation_key", None)
    if translation_key is None:
        return False
    return Translation.objects.filter(
        source__object_id=translation_key, target_locale_id=obj.locale_id, enabled=True
    ).exists()


class SubstantiveReviewTask(AbstractGroupApprovalTask):
    """Group approval of the substance of a page, skipped for synced translations.

    A synced translation carries the text of a source page that was already reviewed in
    substance; its language is checked by the language review that follows.
    """

    skip_translations = models.BooleanField(
        _("skip for translations"),
        default=True,
        help_text=_("Translations made with the translation editor go straight to the next step."),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["skip_translations"]

    def start(self, workflow_state, user=None):
        if self.skip_translations and is_synced_translation(workflow_state.content_object):
            return self.task_states.create(
                workflow_state=workflow_state,
                revision=workflow_state.content_object.get_latest_revision(),
                status=TaskState.STATUS_SKIPPED,
                finished_at=timezone.now(),
            )
        return super().start(workflow_state, user=user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve the substance; synced translations skip it")

    class Meta:
        verbose_name = _("substantive review task")
        verbose_name_plural = _("substantive review tasks")


class LanguageReviewTask(Task):
    """Approved or rejected only by the language reviewers of the page's own language.

    The reviewers are the members of "Language reviewers (<language code>)" for the locale
    of the page (or translatable snippet) in moderation, so a French page waits for the
    French reviewers and no other.
    """

    def reviewers_group_name(self, obj):
        locale = getattr(obj, "locale", None)
        return language_reviewers_group_name(locale.language_code) if locale else None

    def user_can_review(self, obj, user):
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        name = self.reviewers_group_name(obj)
        return bool(name) and user.groups.filter(name=name).exists()

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        # A lock held by someone who cannot review would keep the reviewers out.
        if (
            isinstance(obj, LockableMixin)
            and obj.locked_by
            and not self.user_can_review(obj, obj.locked_by)
        ):
            obj.locked, obj.locked_by, obj.locked_at = False, None, None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(obj, user)}:
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def reviewed_language_codes(self, user):
        if user.is_superuser:
            return list(UN_LANGUAGE_CODES)
        names = set(
            user.groups.filter(name__startswith=LANGUAGE_REVIEWERS_PREFIX).values_list(
                "name", flat=True
            )
        )
        return [code for code in UN_LANGUAGE_CODES if language_reviewers_group_name(code) in names]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        codes = self.reviewed_language_codes(user)
        if not codes:
            return TaskState.objects.none()
        page_ids = (
            Page.objects.filter(locale__language_code__in=codes)
            .annotate(text_id=Cast("id", models.CharField()))
            .values("text_id")
        )
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=page_ids
        )

    @classmethod
    def get_description(cls):
        return _("The language reviewers of the page's language approve its wording")

    class Meta:
        verbose_name = _("language review task")
        verbose_name_plural = _("language review tasks")


class Notification(models.Model):
    """One e-mail to one person about one workflow event, written before it is sent.

    The row is the record that the e-mail is owed and whether it was sent; an outbox message
    written with it sends it once, marks it sent, and does nothing if it runs again.
    """

    class Event(models.TextChoices):
        WORKFLOW_SUBMITTED = "workflow_submitted", _("Submitted to a workflow")
        TASK_SUBMITTED = "task_submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Changes requested")

    key = models.CharField(max_length=200, unique=True, editable=False)
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="editorial_notifications",
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="+"
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("workflow notification")
        verbose_name_plural = _("workflow notifications")
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.get_event_display()} → {self.recipient}"

    @classmethod
    def make_key(cls, event, workflow_state, task_state, recipient):
        task_state_id = task_state.pk if task_state else 0
        return f"{event}:{workflow_state.pk}:{task_state_id}:{recipient.pk}"
