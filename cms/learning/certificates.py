"""The course certificate as a PDF, in the learner's language, rendered by WeasyPrint.

Pango shapes Arabic (joined letters, right to left) and picks the CJK font for Chinese;
the fonts come from the system (Debian: fonts-noto-core, fonts-noto-cjk). The PDF is tagged
(PDF/UA-1), so text extracts in reading order, Arabic included.
"""

from babel.dates import format_date
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms.core.languages import BABEL_LOCALES, is_right_to_left

FONT_FAMILIES = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "zh-hans": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
}
DEFAULT_FONT_FAMILY = '"Noto Serif", "Noto Sans", "DejaVu Serif", serif'
# Tagged PDF for accessibility (WeasyPrint's PDF/UA-1 variant).
PDF_VARIANT = "pdf/ua-1"


def verification_url(certificate):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("learning-certificate-verify", args=[certificate.code])


def certificate_context(certificate):
    language = certificate.language
    return {
        "certificate": certificate,
        "language": language,
        "direction": "rtl" if is_right_to_left(language) else "ltr",
        "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
        "issued_on": format_date(
            certificate.issued_at.date(), format="long", locale=BABEL_LOCALES[language]
        ),
        "verification_url": verification_url(certificate),
    }


def render_certificate_html(certificate):
    with translation.override(certificate.language):
        return render_to_string("learning/certificate.html", certificate_context(certificate))


def render_certificate_pdf(certificate):
    from weasyprint import HTML

    return HTML(string=render_certificate_html(certificate)).write_pdf(pdf_variant=PDF_VARIANT)
