"""Admin screens: the match review queue and the coverage report export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.api.languages import LANGUAGE_CODES

from . import coverage
from . import permissions as rules
from .matching.explain import explain
from .models import Match

OPEN_STATUSES = [Match.Status.PROPOSED, Match.Status.UNDER_DISCUSSION, Match.Status.AGREED]


def review_matches(request):
    """Proposals waiting for a decision, best first, with their explanation."""
    if not rules.roles.is_secretariat(request.user):
        raise PermissionDenied
    if request.method == "POST":
        match = get_object_or_404(Match, pk=request.POST.get("match"))
        target = request.POST.get("status")
        reason = request.POST.get("reason", "").strip()
        if target not in Match.Status.values or not match.can_move_to(target):
            messages.error(request, _("This match cannot take that step."))
        elif target == Match.Status.DECLINED and not reason:
            messages.error(request, _("Say why the match is declined."))
        else:
            if target == Match.Status.DECLINED:
                match.decline_reason = reason
            match.change_status(target, request.user, reason)
            messages.success(request, _("Match updated."))
        return redirect("assistance_review")
    status = request.GET.get("status") or Match.Status.PROPOSED
    matches = (
        Match.objects.filter(status=status)
        .select_related("need__country")
        .prefetch_related("contributions__resource")
        .order_by("-score", "pk")[:200]
    )
    rows = []
    for match in matches:
        titles = {item.resource_id: item.resource.title for item in match.contributions.all()}
        rows.append(
            {
                "match": match,
                "resources": list(titles.values()),
                "explanation": explain(match.breakdown, titles),
                "next": sorted(match.TRANSITIONS[match.status]),
            }
        )
    return TemplateResponse(
        request,
        "assistance/admin/review.html",
        {
            "rows": rows,
            "status": status,
            "statuses": Match.Status.choices,
            "open_statuses": OPEN_STATUSES,
            "labels": dict(Match.Status.choices),
        },
    )


def coverage_csv(request):
    """The region x theme coverage table as CSV, in the language asked for (?locale=)."""
    language = request.GET.get("locale", "en")
    if language not in LANGUAGE_CODES:
        language = "en"
    with translation.override(language):
        report = coverage.build(coverage.counted_needs(request.user), language)
        body = coverage.as_csv(report)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="coverage-{language}.csv"'
    return response
