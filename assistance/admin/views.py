"""Admin screens: the match review queue, the coverage report and its downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from cms.api.languages import LANGUAGE_CODES
from cms.core.languages import profile_language, source_language

from .. import permissions as rules
from .. import reports
from ..matching.explain import explain
from ..models import Match
from ..reports import coverage, pdf, sections
from .decisions import decision_form, take_decision


def review_matches(request):
    """Proposals waiting for a decision, best first, with their explanation; the decision
    starts empty and must be chosen."""
    if not rules.roles.is_secretariat(request.user):
        raise PermissionDenied
    bound = None
    if request.method == "POST":
        match = get_object_or_404(Match, pk=request.POST.get("match"))
        form = decision_form(request, match, "secretariat")
        if form.is_valid() and take_decision(request, match, form):
            messages.success(request, _("Match updated."))
            return redirect(f"{reverse('assistance_review')}?status={match.status}")
        bound = (match.pk, form)
        messages.error(request, _("The decision was not recorded: see the form below."))
    status = request.GET.get("status") or Match.Status.PROPOSED
    if bound and request.GET.get("status") is None:
        status = Match.objects.get(pk=bound[0]).status
    matches = (
        Match.objects.filter(status=status)
        .select_related("need__country")
        .prefetch_related("contributions__resource")
        .order_by("-score", "pk")[:200]
    )
    rows = []
    for match in matches:
        titles = {item.resource_id: item.resource.title for item in match.contributions.all()}
        form = bound[1] if bound and bound[0] == match.pk else None
        rows.append(
            {
                "match": match,
                "resources": list(titles.values()),
                "explanation": explain(match.breakdown, titles),
                "form": form or decision_form(request, match, "secretariat", bound=False),
            }
        )
    return TemplateResponse(
        request,
        "assistance/admin/review.html",
        {"rows": rows, "status": status, "statuses": Match.Status.choices},
        status=400 if bound else 200,
    )


def preferred_language(request):
    """The language of the user's reports: their profile's, else the admin's, else the source."""
    for code in (profile_language(request.user), request.LANGUAGE_CODE):
        if code in LANGUAGE_CODES:
            return code
    return source_language()


def requested_language(request):
    language = request.GET.get("locale")
    return language if language in LANGUAGE_CODES else preferred_language(request)


def coverage_report(request):
    """The coverage figures the user may see, with downloads in any of the six languages."""
    language = (
        request.LANGUAGE_CODE if request.LANGUAGE_CODE in LANGUAGE_CODES else source_language()
    )
    report = coverage.build(coverage.counted_needs(request.user), language)
    return TemplateResponse(
        request,
        "assistance/admin/coverage.html",
        {
            "report": report,
            "labels": sections.titles(),
            "headline": sections.headline_rows(report),
            "coverage_headings": sections.coverage_headings(),
            "coverage_rows": sections.coverage_rows(report),
            "heat_map": pdf.heat_map(report),
            "languages": [(code, get_language_info(code)["name_local"]) for code in LANGUAGE_CODES],
            "selected_language": preferred_language(request),
            "formats": reports.FORMATS,
        },
    )


def coverage_export(request, file_format="csv"):
    """The coverage report as a CSV, XLSX or PDF file, in the language asked for (?locale=)."""
    file_format = request.GET.get("format", file_format)
    if file_format not in reports.FORMATS:
        raise Http404
    language = requested_language(request)
    with translation.override(language):
        report = coverage.build(coverage.counted_needs(request.user), language)
    body = reports.export(report, file_format, language)
    response = HttpResponse(body, content_type=reports.CONTENT_TYPES[file_format])
    filename = reports.filename(file_format, language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
