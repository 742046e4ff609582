"""The printable draft of a national report and the download of its submitted files."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model

from cms.core.security import strict_content_security_policy

from .admin_guard import forbidden
from .models import NationalReportFile, NationalReportPage
from .permissions import limited_to_country


@strict_content_security_policy
def print_report(request, page_id):
    """The latest revision of a report as a printable page, for internal approval."""
    page = get_object_or_404(NationalReportPage, pk=page_id)
    if not page.permissions_for_user(request.user).may_write():
        return forbidden()
    revision = page.get_latest_revision()
    report = revision.as_object() if revision else page
    language = report.locale.language_code
    with translation.override(language):
        response = TemplateResponse(
            request,
            "library/national_report_print.html",
            {
                "report": report,
                "revision": revision,
                "report_bidi": translation.get_language_info(language)["bidi"],
            },
        )
        response.render()
    patch_cache_control(response, private=True, no_store=True)
    return response


def draft_reports_with(document_id, user):
    """Reports whose latest revision includes the document and that the user may edit."""
    reports = NationalReportPage.objects.select_related("country")
    limit = limited_to_country(user)
    if limit is not None:
        reports = reports.filter(country__code=limit)
    for report in reports.filter(has_unpublished_changes=True):
        if not report.permissions_for_user(user).may_write():
            continue
        latest = report.get_latest_revision_as_object()
        if any(item.document_id == document_id for item in latest.files.all()):
            yield report


def report_file(request, document_id):
    """A submitted file: public once its report is published, else for those editing it."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    published = NationalReportFile.objects.filter(
        document_id=document_id,
        page__in=NationalReportPage.objects.live().public(),
    ).exists()
    if not published:
        if not request.user.is_authenticated:
            raise Http404
        if not request.user.is_superuser and not any(draft_reports_with(document_id, request.user)):
            raise Http404
    response = FileResponse(
        document.file.open("rb"), content_type="application/pdf", filename=document.filename
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if published:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
