"""Which language an API request asks for: `?locale=`, else Accept-Language.

HTTP negotiation only; the languages themselves and their fallback are `cms.core.languages`.
"""

from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.api.v2.utils import BadRequestError

from cms.core.languages import UN_LANGUAGE_CODES, source_language

LANGUAGE_CODES = UN_LANGUAGE_CODES
LANGUAGE_CHOICES = [(code, code) for code in LANGUAGE_CODES]
# Accept-Language uses BCP 47 tags; map the common Chinese ones to the suite's code.
ACCEPT_LANGUAGE_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans"}


class QueryParameterError(BadRequestError):
    """A query parameter has a value the API cannot use; rendered as a 400 naming it."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def language_from_header(request):
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for tag, _quality in parse_accept_lang_header(header):
        tag = tag.lower()
        for candidate in (tag, ACCEPT_LANGUAGE_ALIASES.get(tag), tag.split("-")[0]):
            if candidate in LANGUAGE_CODES:
                return candidate
    return None


def requested_language(request):
    """The language code the request asks for, or None when it names none."""
    value = request.GET.get("locale")
    if value is not None:
        code = value.strip().lower()
        if code not in LANGUAGE_CODES:
            raise QueryParameterError(
                "locale",
                _("Unknown locale %(value)r; use one of %(codes)s.")
                % {"value": value, "codes": ", ".join(LANGUAGE_CODES)},
            )
        return code
    return language_from_header(request)


def language_or_default(request):
    """The language the request asks for, else the source language."""
    return requested_language(request) or source_language()
