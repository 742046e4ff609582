"""The OpenAPI schema's shared pieces: the parameters every endpoint takes, the error shape,
and the AutoSchema that gives every operation what drf-spectacular leaves out.

Wagtail's endpoints are described in `wagtail_schema`; what is fixed up over the whole
document once it is built (nullability, unions, tags) in `schema_hooks`.
"""

import inspect
import re

from drf_spectacular.openapi import AutoSchema as AutoSchemaBase
from drf_spectacular.plumbing import force_instance
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers

from .languages import LANGUAGE_CODES
from .pagination import MAX_LIMIT, MAX_OFFSET

PUBLIC_API_PREFIX = "/api/v2/"


def only_public_api(endpoints, **kwargs):
    """Keep the public API in the schema; the admin's internal APIs are not part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]


LOCALE = OpenApiParameter(
    "locale",
    str,
    enum=LANGUAGE_CODES,
    description="Language of the response; defaults to Accept-Language, then English. "
    "Items missing in that language are served in English with is_fallback true.",
)
LIMIT = OpenApiParameter(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    description="Items per page (1 to 100, default 20).",
)
OFFSET = OpenApiParameter(
    "offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, description="Items to skip."
)

ERROR = inline_serializer(
    "Error",
    {
        "message": serializers.CharField(),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), required=False
        ),
    },
)

# Request bodies are documented as JSON, the form every client library sends; a body that
# carries a file is documented as multipart, the only form that can carry one. (The server
# still parses the other forms, for HTML forms and older clients.)
JSON = "application/json"
MULTIPART = "multipart/form-data"

# Endpoints are described by the docstrings of the project's own views; those of the toolkit's
# base classes (and of the frameworks) are notes for developers, not for API clients.
DESCRIBING_MODULES = ("cms.", "assistance.", "search.", "blocks.")
TOOLKIT_MODULES = ("cms.api.",)
SUMMARY_MAX_LENGTH = 80
ACTION_VERBS = {
    "list": "List",
    "listing_view": "List",
    "retrieve": "Get",
    "detail_view": "Get",
    "create": "Create",
    "update": "Replace",
    "partial_update": "Update",
    "destroy": "Delete",
}
METHOD_VERBS = {"GET": "Get", "POST": "Send", "PUT": "Replace", "PATCH": "Update", "DELETE": "Undo"}


def own_doc(obj):
    """The docstring `obj` itself declares, unless it is one of the internal ones."""
    doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    module = getattr(obj, "__module__", None) or ""
    if not doc or not module.startswith(DESCRIBING_MODULES) or module.startswith(TOOLKIT_MODULES):
        return ""
    return inspect.cleandoc(doc)


def public_class_doc(view_class):
    for cls in view_class.__mro__:
        doc = own_doc(cls)
        if doc:
            return doc
    return ""


def singular(words):
    """'assistance forms' -> 'assistance form', 'countries' -> 'country', 'matches' -> 'match'."""
    if words.endswith("ies"):
        return words[:-3] + "y"
    if words.endswith(("ches", "shes", "sses", "xes")):
        return words[:-2]
    return words.removesuffix("s")


def with_article(noun):
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def first_clause(description):
    """The description's first sentence, without asides, up to a semicolon or colon, if short."""
    sentence = re.split(r"(?<=[.!?])\s", description.strip(), maxsplit=1)[0]
    sentence = re.sub(r"\s\([^)]*\)", "", sentence)
    clause = " ".join(re.split(r"[;:]\s", sentence, maxsplit=1)[0].rstrip(".").split())
    return clause if 0 < len(clause) <= SUMMARY_MAX_LENGTH else ""


class AutoSchema(AutoSchemaBase):
    """drf-spectacular's AutoSchema, giving every operation a summary, the `locale` parameter
    on reads, one content type per request body, an explicit empty `security` where no
    credentials are needed, the error answers every endpoint can give and the
    Idempotency-Key header where a view honours it (cms.api.idempotency)."""

    def is_idempotent(self):
        return self.method in getattr(self.view, "idempotent_methods", ())

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method == "GET":
            # Every endpoint reads ?locale= (cms.api.languages), even where the answer does not
            # change with it: a client library can then send it on every call.
            parameters = [LOCALE, *parameters]
        if self.is_idempotent():
            from .idempotency import PARAMETER

            parameters = [*parameters, PARAMETER]
        return parameters

    def map_parsers(self):
        media_types = super().map_parsers()
        if MULTIPART in media_types and self.request_takes_files():
            return [MULTIPART]
        if JSON in media_types:
            return [JSON]
        return media_types

    def request_takes_files(self):
        serializer = force_instance(self.get_request_serializer())
        fields = getattr(serializer, "fields", None) or {}
        return any(isinstance(field, serializers.FileField) for field in fields.values())

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and "security" not in operation:
            operation["security"] = []  # no credentials needed, said explicitly
        return operation

    def get_description(self):
        action = getattr(self.view, getattr(self.view, "action", None) or self.method.lower(), None)
        return (
            (action and own_doc(action))
            or public_class_doc(type(self.view))
            or f"{self.generated_summary()}."
        )

    def get_summary(self):
        # A description may say what the whole endpoint is: the usual actions are named
        # from the action itself, the others from the first words of their description.
        if getattr(self.view, "action", None) in ACTION_VERBS:
            return self.generated_summary()
        description = self.get_description()
        if description == public_class_doc(type(self.view)):
            description = ""
        return first_clause(description) or self.generated_summary()

    def generated_summary(self):
        """'List answers of a question', 'Get a need', from the action and the path."""
        words = [
            part.replace("-", " ").replace("_", " ")
            for part in self.path.removeprefix(PUBLIC_API_PREFIX).split("/")
            if part
        ]
        if words and words[-1].startswith("{"):
            words.pop()  # the object an action reads or changes: its noun says which
        parameters = [index for index, word in enumerate(words) if word.startswith("{")]
        start = parameters[-1] + 1 if parameters else 0
        noun = " ".join(words[start:]) or "API index"
        # /questions/{id}/answers/: the answers of a question.
        owner = f" of {with_article(singular(words[start - 2]))}" if start >= 2 else ""
        action = getattr(self.view, "action", None)
        if action in ACTION_VERBS:
            verb = ACTION_VERBS[action]
            subject = noun if verb == "List" else with_article(singular(noun))
        elif self.method == "GET" and self._is_list_view():
            verb, subject = "List", noun
        elif self.method == "POST" and owner:
            if singular(noun) != noun:  # /questions/{id}/votes/: 'Add a vote to a question'
                return f"Add {with_article(singular(noun))} to{owner.removeprefix(' of')}"
            return f"{noun.capitalize()}{owner.removeprefix(' of')}"  # 'Follow a question'
        else:
            verb, subject = METHOD_VERBS[self.method], noun
        return f"{verb} {subject}{owner}"

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        responses.setdefault("400", self._get_response_for_code(ERROR, "400"))
        if "{" in self.path:
            responses.setdefault("404", self._get_response_for_code(ERROR, "404"))
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            responses.setdefault("401", self._get_response_for_code(ERROR, "401"))
            responses.setdefault("403", self._get_response_for_code(ERROR, "403"))
        if self.is_idempotent():
            responses.setdefault("409", self._get_response_for_code(ERROR, "409"))
            responses.setdefault("422", self._get_response_for_code(ERROR, "422"))
        if getattr(self.view, "throttle_classes", None):
            responses.setdefault("429", self._get_response_for_code(ERROR, "429"))
        return responses
