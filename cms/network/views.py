"""The moderation queue in the Wagtail admin: held posts, flagged posts and hidden posts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import forum
from .access import can_moderate, member_profile
from .models import Flag, Post

ACTIONS = {
    "approve": (forum.approve, gettext_lazy("The post is published.")),
    "hide": (forum.hide, gettext_lazy("The post is hidden.")),
    "restore": (forum.restore, gettext_lazy("The post is visible again.")),
    "dismiss": (forum.dismiss_flags, gettext_lazy("The flags are dismissed.")),
}


def require_moderator(request):
    if not can_moderate(request.user):
        raise PermissionDenied


def queue(request):
    require_moderator(request)
    open_flags = Q(flags__status=Flag.Status.OPEN)
    posts = (
        Post.objects.filter(Q(state__in=[Post.State.PENDING, Post.State.HIDDEN]) | open_flags)
        .annotate(open_flags=Count("flags", filter=open_flags))
        .select_related("author__network_member")
        .order_by("-open_flags", "state", "created_at")
        .distinct()[:200]
    )
    items = []
    for post in posts:
        specific = post.specific
        reasons = post.flags.filter(status=Flag.Status.OPEN).values_list("reason", flat=True)
        profile = member_profile(post.author) if post.author_id else None
        items.append(
            {
                "post": post,
                "kind": specific._meta.verbose_name,
                "question": post.thread,
                "author": profile,
                "reasons": sorted({Flag.Reason(reason).label for reason in reasons}),
            }
        )
    return TemplateResponse(
        request,
        "network/admin/moderation.html",
        {
            "items": items,
            "header_title": _("Network moderation"),
            "page_title": _("Network moderation"),
        },
    )


@require_POST
def act(request, post_id, action):
    require_moderator(request)
    post = get_object_or_404(Post, pk=post_id)
    if action == "suspend":
        profile = member_profile(post.author) if post.author_id else None
        if profile is None:
            raise PermissionDenied
        forum.suspend(request.user, profile)
        messages.success(request, _("%(name)s is suspended.") % {"name": profile.display_name})
    elif action in ACTIONS:
        function, message = ACTIONS[action]
        function(request.user, post)
        messages.success(request, str(message))
    else:
        raise PermissionDenied
    return redirect("network_moderation")
