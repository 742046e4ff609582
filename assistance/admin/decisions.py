"""Decisions taken in the admin: a match accepted or declined by its provider (or moved by the
secretariat), a need stated in a national report confirmed or discarded by its State.

The steps are those of the API, taken through `assistance.review`; a wrong decision comes
back as a form error, a decision the user may not take as 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .. import permissions as rules
from .. import review
from .forms import MatchDecisionForm


def next_url(request, default="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def decision_form(request, match, role, bound=True):
    data = request.POST if bound and request.method == "POST" else None
    # One form per match on a page: the same field names, ids of their own.
    auto_id = f"id_match{match.pk}_%s"
    if role == "provider":
        return MatchDecisionForm(data, auto_id=auto_id, for_provider=True)
    steps = sorted(match.TRANSITIONS[match.status])
    return MatchDecisionForm(data, auto_id=auto_id, steps=steps)


def take_decision(request, match, form):
    """Apply a valid form's decision; False (with the error on the form) when refused."""
    role = rules.review_role(request.user, match)
    reason = form.cleaned_data["reason"]
    try:
        review.review_match(
            match,
            request.user,
            form.cleaned_data["status"],
            reason,
            feedback=reason if role == "provider" else None,
        )
    except review.Invalid as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return False
    return True


def decide_match(request, pk):
    """One match's decision: the form (GET, or again with its errors), or the decision taken."""
    match = get_object_or_404(rules.visible_matches(request.user), pk=pk)
    role = rules.review_role(request.user, match)
    if role is None:
        raise PermissionDenied
    form = decision_form(request, match, role)
    if request.method == "POST" and form.is_valid():
        try:
            done = take_decision(request, match, form)
        except review.Refused as error:
            raise PermissionDenied(str(error)) from error
        if done:
            messages.success(request, _("Match updated."))
            return redirect(next_url(request))
    return TemplateResponse(
        request,
        "assistance/admin/match_decision.html",
        {
            "match": match,
            "form": form,
            "resources": [item.resource.title for item in match.contributions.all()],
            "next": next_url(request),
        },
        status=400 if form.is_bound else 200,
    )


def decide_stated_need(request, pk, decision):
    """Confirm or discard a need proposed from a national report (GET asks first)."""
    if decision not in ("confirm", "discard"):
        raise Http404
    need = get_object_or_404(rules.visible_needs(request.user), pk=pk)
    if not review.may_decide_stated_need(request.user, need):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request,
            "assistance/admin/stated_need_decision.html",
            {"need": need, "decision": decision, "next": next_url(request)},
        )
    try:
        review.decide_stated_need(need, request.user, decision)
    except review.Refused as error:
        raise PermissionDenied(str(error)) from error
    except review.Invalid as error:
        messages.error(request, error.message)
    else:
        if decision == "confirm":
            messages.success(request, _("The need stated in the report is confirmed."))
        else:
            messages.success(request, _("The need stated in the report is discarded."))
    return redirect(next_url(request))
