"""The public certificate verification page and the certificate PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control

from .certificates import render_certificate_pdf
from .models import Certificate


def find_certificate(code):
    return Certificate.objects.filter(code=code.upper()).first()


def verify(request, code):
    certificate = find_certificate(code)
    language = certificate.language if certificate else translation.get_language()
    with translation.override(language):
        return render(
            request,
            "learning/certificate_verify.html",
            {"certificate": certificate},
            status=200 if certificate else 404,
        )


@cache_control(private=True, max_age=300)
def certificate_pdf(request, code):
    certificate = find_certificate(code)
    if certificate is None:
        raise Http404
    response = HttpResponse(render_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response
