"""Admin views of the editorial workflow: a translation sent to language review."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def save_translation_as_draft(translation, user):
    """A new revision of the translated page, leaving what is live untouched.

    wagtail-localize writes the translated fields to the page row even when it does not
    publish, which would put them live before review; the live revision is written back
    and the new text kept as the latest revision, as Wagtail's editor does for live pages.
    """
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=translation.get_target_instance().pk)
    draft = page.get_latest_revision()
    if page.live and page.live_revision_id and page.live_revision_id != draft.pk:
        live = page.live_revision.as_object()
        # The page's own bookkeeping, which a revision's content does not carry.
        live.live_revision_id = page.live_revision_id
        live.last_published_at = page.last_published_at
        live.latest_revision = draft
        live.latest_revision_created_at = draft.created_at
        live.has_unpublished_changes = True
        live.draft_title = draft.content.get("title", live.title)
        live.save(clean=False)
    return draft


@require_POST
def submit_translation(request, translation_id):
    """Save the translation as a draft of its page and send the page into its workflow.

    wagtail-localize's translation editor can only publish; a translator who may not
    publish submits here instead, and the language reviewers of the page's locale decide.
    """
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    perms = page.permissions_for_user(request.user)
    if not (perms.can_edit() and perms.can_submit_for_moderation()):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    try:
        with transaction.atomic():
            save_translation_as_draft(translation, request.user)
            page = Page.objects.get(pk=page.pk).specific
            state = page.current_workflow_state
            if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                page.get_workflow().start(page, request.user)
    except ValidationError:
        messages.error(
            request,
            _("The translation of '%(title)s' has errors; correct them before submitting.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect(edit_url)

    messages.success(
        request,
        _("The translation '%(title)s' has been submitted for review.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(edit_url)
