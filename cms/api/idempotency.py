"""Idempotency keys: a client may retry a write without risking a second effect.

A signed-in client sends `Idempotency-Key: <unique value>` (IETF draft "The Idempotency-Key
HTTP Header Field"; a quoted string or a bare token). The first request with a key runs, and
its answer (status, body, Location) is stored under (user, key, method, path) with a
fingerprint of the query and the parsed body. Then, for a day:

- the same request again gets the stored answer, with `Idempotent-Replayed: true`, and
  changes nothing;
- the same key with another request is refused with a 422;
- the same key while the first request still runs is refused with a 409.

The view's work and the storing of its answer are one transaction, so a request that fails
(an exception, a 5xx, a killed worker) leaves neither an effect nor an answer: the key is
released, or, if the process died, taken over by a retry once the claim is older than
API_IDEMPOTENCY_LOCK_SECONDS. Refusals (4xx, in the view or before it: 401, 403, 429, a body
that cannot be parsed) are not kept either: the key may be used again for the corrected
request. Anonymous requests ignore the header. Keys live in
the database, so they hold when the cache is down; `purge_expired` forgets them after
API_IDEMPOTENCY_KEY_SECONDS (hourly, from the beat schedule).
"""

import functools
import hashlib
import json
import logging
import re
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from .models import IdempotencyKey

logger = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
MAX_PATH_LENGTH = 1024
KEY_PATTERN = re.compile(rf"[\x20-\x7e]{{1,{MAX_KEY_LENGTH}}}")

PARAMETER = OpenApiParameter(
    HEADER,
    {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
    OpenApiParameter.HEADER,
    description=(
        "A unique value per request (a UUID, for example). Sending the same request again with "
        "the same key within 24 hours returns the first answer, with Idempotent-Replayed: true, "
        "and changes nothing. The same key with a different request is a 422; while the first "
        "request is still being processed, a 409. Ignored for anonymous requests."
    ),
)


class KeyInUse(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "idempotency_key_in_use"

    def __init__(self):
        super().__init__(_("A request with this Idempotency-Key is still being processed."))


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"

    def __init__(self):
        super().__init__(_("This Idempotency-Key was already used for a different request."))


class Replay(Exception):
    """The request was answered before: its stored answer is the answer."""

    def __init__(self, record):
        super().__init__(record.pk)
        self.record = record

    def response(self):
        record = self.record
        headers = {REPLAYED_HEADER: "true"}
        if record.location:
            headers["Location"] = record.location
        data = json.loads(record.body) if record.body else None
        return Response(data, status=record.status_code, headers=headers)


def lifetime():
    return timedelta(seconds=settings.API_IDEMPOTENCY_KEY_SECONDS)


def parse_key(value):
    """The key from the header: a structured-field string ("...") or the bare value."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if not KEY_PATTERN.fullmatch(value):
        message = _(
            "The Idempotency-Key header must be 1 to %(length)d printable ASCII characters."
        ) % {"length": MAX_KEY_LENGTH}
        raise exceptions.ValidationError({HEADER: [message]})
    return value


def describe(value):
    """How a value that JSON cannot hold enters the fingerprint (uploaded files by content)."""
    if isinstance(value, UploadedFile):
        digest = hashlib.sha256()
        for chunk in value.chunks():
            digest.update(chunk)
        value.seek(0)
        return {"file": value.name, "size": value.size, "sha256": digest.hexdigest()}
    return str(value)


def fingerprint(request):
    """SHA-256 of the query and the parsed body, so a re-encoded retry matches its original."""
    data = request.data
    if hasattr(data, "lists"):
        data = {name: list(values) for name, values in data.lists()}
    payload = {"query": sorted(request.query_params.lists()), "body": data}
    text = json.dumps(payload, sort_keys=True, default=describe, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class Claim:
    """This request's hold on a key, until its answer is stored or the key released."""

    def __init__(self, pk, token):
        self.pk = pk
        self.token = token

    def held(self):
        return IdempotencyKey.objects.filter(pk=self.pk, claim=self.token, status_code=None)

    def complete(self, response):
        body = "" if response.data is None else json.dumps(response.data, cls=JSONEncoder)
        stored = self.held().update(
            status_code=response.status_code,
            body=body,
            location=str(response.get("Location", ""))[:2048],
        )
        if not stored:
            # Another request took the key over as abandoned: its answer counts, not ours.
            raise KeyInUse()

    def release(self):
        try:
            self.held().delete()
        except DatabaseError:
            logger.exception("Could not release idempotency key %s", self.pk)

    def wrap(self, handler):
        """Run the view's handler and store its answer in one transaction."""

        @functools.wraps(handler)
        def run_once(request, *args, **kwargs):
            try:
                with transaction.atomic():
                    response = handler(request, *args, **kwargs)
                    # Answers of work done are kept; a refusal (4xx) did nothing, so a
                    # corrected request may use the key again.
                    storable = isinstance(response, Response) and response.status_code < 400
                    if storable:
                        self.complete(response)
                    elif response.status_code >= 500:
                        transaction.set_rollback(True)
            except BaseException:
                self.release()
                raise
            if not storable:
                self.release()
            return response

        return run_once


def claim(request, key, print_):
    """Hold `key` for this request, or raise: Replay, KeyReused (422) or KeyInUse (409)."""
    lookup = {
        "user": request.user,
        "key": key,
        "method": request.method,
        "path": request.path[:MAX_PATH_LENGTH],
    }
    for _attempt in range(2):
        now = timezone.now()
        token = uuid.uuid4()
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    **lookup, fingerprint=print_, claim=token, claimed_at=now
                )
            return Claim(record.pk, token)
        except IntegrityError:
            pass
        record = IdempotencyKey.objects.filter(**lookup).first()
        if record is None:  # released meanwhile: try again
            continue
        if record.created_at < now - lifetime():  # expired, not purged yet
            IdempotencyKey.objects.filter(pk=record.pk, created_at=record.created_at).delete()
            continue
        if record.fingerprint != print_:
            raise KeyReused()
        if record.status_code is not None:
            raise Replay(record)
        if record.claimed_at > now - timedelta(seconds=settings.API_IDEMPOTENCY_LOCK_SECONDS):
            raise KeyInUse()
        # Abandoned by a request that died: nothing of it was committed, run it here.
        taken = IdempotencyKey.objects.filter(
            pk=record.pk, claim=record.claim, status_code=None
        ).update(claim=token, claimed_at=now)
        if taken:
            return Claim(record.pk, token)
        raise KeyInUse()
    raise KeyInUse()


class IdempotentPostMixin:
    """For API views: writes honour the Idempotency-Key header (see the module's description).

    Every view of /api/v2/ that accepts writes from signed-in clients uses it; the schema
    declares the header on those operations (cms.api.schema.AutoSchema). POST is why it
    exists; PATCH, PUT and DELETE honour it too, because their effects are not always
    repeatable (an edit of a post records a revision, a deletion retried answers 404).
    """

    idempotent_methods = ("POST", "PUT", "PATCH", "DELETE")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        value = request.headers.get(HEADER)
        method = request.method.lower()
        if (
            value is None
            or request.method not in self.idempotent_methods
            or not request.user.is_authenticated
            or method not in self.http_method_names
            or not hasattr(self, method)
        ):
            return
        key = parse_key(value)
        held = claim(request, key, fingerprint(request))
        setattr(self, method, held.wrap(getattr(self, method)))

    def handle_exception(self, exc):
        if isinstance(exc, Replay):
            return exc.response()
        return super().handle_exception(exc)


def purge_expired():
    """Forget keys older than their lifetime; returns how many were removed."""
    deleted, _detail = IdempotencyKey.objects.filter(
        created_at__lt=timezone.now() - lifetime()
    ).delete()
    return deleted
