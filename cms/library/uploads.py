"""What a national report file must be: a PDF, no larger than the configured limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_SIGNATURE = b"%PDF-"


def max_upload_size():
    return settings.POAISS_NATIONAL_REPORT_MAX_UPLOAD_SIZE


def validate_report_file(file, name=None):
    """Refuse anything but a PDF within the size limit; `file` is any Django File."""
    name = name or getattr(file, "name", "") or ""
    if not name.lower().endswith(".pdf"):
        raise ValidationError(
            _("%(name)s is not a PDF file. National reports are accepted as PDF only."),
            code="not_pdf",
            params={"name": name.rsplit("/", 1)[-1] or _("The file")},
        )
    size = file.size
    if size > max_upload_size():
        raise ValidationError(
            _("%(name)s is %(size)s; a national report file may be at most %(limit)s."),
            code="too_large",
            params={
                "name": name.rsplit("/", 1)[-1],
                "size": filesizeformat(size),
                "limit": filesizeformat(max_upload_size()),
            },
        )
    file.seek(0)
    head = file.read(len(PDF_SIGNATURE))
    file.seek(0)
    if head != PDF_SIGNATURE:
        raise ValidationError(
            _("%(name)s does not contain PDF data. National reports are accepted as PDF only."),
            code="not_pdf",
            params={"name": name.rsplit("/", 1)[-1]},
        )


def validate_report_document(document):
    """The same checks for a Wagtail document already stored."""
    try:
        with document.file.open("rb") as file:
            validate_report_file(file, document.file.name)
    except FileNotFoundError:
        raise ValidationError(
            _("The file of %(title)s is missing."), params={"title": document.title}
        ) from None
