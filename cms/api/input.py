"""Input the API refuses with a 400 before any view sees it.

NUL characters and lone surrogates cannot be stored (PostgreSQL refuses them, and a lone
surrogate cannot even be encoded), and JSON nested deeper than Python's parser can follow
would otherwise end in a server error. A client sending any of them gets the API's error
shape naming the parameter or the body (JSON, form-encoded or multipart: the parsers
configured in REST_FRAMEWORK are these strict ones).
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

API_PREFIX = "/api/"


def has_unstorable_text(text):
    return "\x00" in text or any("\ud800" <= char <= "\udfff" for char in text)


def first_unstorable_string(data):
    """Walk parsed JSON without recursion; True when a key or string cannot be stored."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if has_unstorable_text(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("The JSON body is nested too deeply.")) from None
        if first_unstorable_string(data):
            raise ParseError(_("The JSON body contains a NUL character or a lone surrogate."))
        return data


def refuse_unstorable_fields(data):
    """Raise a ParseError naming the first form field whose name or value cannot be stored."""
    for name, values in data.lists():
        texts = [name, *(value for value in values if isinstance(value, str))]
        if any(has_unstorable_text(text) for text in texts):
            raise ParseError(_("Text may not contain NUL characters or lone surrogates."))


class StrictFormParser(FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_unstorable_fields(data)
        return data


class StrictMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        refuse_unstorable_fields(parsed.data)
        for upload in parsed.files.values():
            if has_unstorable_text(upload.name or ""):
                raise ParseError(_("Text may not contain NUL characters or lone surrogates."))
        return parsed


class UnstorableInputMiddleware:
    """Answer 400 to API requests whose path or query holds text that cannot be stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            refused = self.refusal(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    @staticmethod
    def refusal(request):
        message = _("Text may not contain NUL characters or lone surrogates.")
        if has_unstorable_text(request.path_info):
            return JsonResponse({"message": message, "errors": {"path": [message]}}, status=400)
        for name, values in request.GET.lists():
            if has_unstorable_text(name) or any(has_unstorable_text(v) for v in values):
                return JsonResponse({"message": message, "errors": {name: [message]}}, status=400)
        return None
