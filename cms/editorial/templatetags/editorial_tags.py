from django import template
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("editorial/translations/review_panel.html", takes_context=True)
def translation_review_panel(context, instance, translation):
    """Submission and review of a translated page, beside wagtail-localize's editor."""
    request = context["request"]
    panel = {"request": request, "translation": translation, "page": instance, "shown": False}
    if not isinstance(instance, Page) or not instance.has_workflow:
        return panel
    perms = instance.permissions_for_user(request.user)
    state = instance.current_workflow_state
    task = instance.current_workflow_task
    panel.update(
        shown=True,
        csrf_token=context.get("csrf_token"),
        workflow_state=state,
        task=task,
        can_submit=perms.can_edit() and perms.can_submit_for_moderation(),
        needs_changes=bool(state and state.status == state.STATUS_NEEDS_CHANGES),
        comment=state.current_task_state.get_comment() if state else "",
        actions=task.specific.get_actions(instance, request.user) if task else [],
        task_state=instance.current_workflow_task_state,
    )
    return panel
