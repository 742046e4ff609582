"""HTTP caching of the public API: a shared response cache, ETag, Last-Modified and 304s.

Anonymous GET responses are stored in the cache (Redis in production) under a key that
includes a content version and every request header that can change the answer (`Accept`,
`Accept-Language`); only JSON answers are stored, so no other rendering can be replayed to a
client that asked for data. Publishing, unpublishing, moving or deleting content bumps the
version after the transaction commits, so every cached answer is dropped at once. A cache
outage only turns hits into misses.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from .languages import language_from_header

VERSION_KEY = "poaiss:api:content-version"
CACHED_PATH_PREFIXES = ("/api/v2/", "/api/schema/")
# Drafts behind expiring tokens must never outlive their token in a shared cache.
UNCACHED_PATH_PREFIXES = ("/api/v2/preview/", "/api/v2/auth/")


def current_version():
    """The content version and when content last changed (created on first use)."""
    state = cache.get(VERSION_KEY)
    if state is None:
        state = {"version": uuid.uuid4().hex, "changed_at": int(timezone.now().timestamp())}
        cache.add(VERSION_KEY, state, timeout=None)
        state = cache.get(VERSION_KEY) or state
    return state


def request_content_state(request):
    """The content version a request is served under, read from the shared cache once."""
    state = getattr(request, "_api_content_state", None)
    if state is None:
        state = request._api_content_state = current_version()
    return state


# Values derived from published content, kept per process for as long as the content version
# stands: everything that bumps the version (publishing, moves, deletions, sites, view
# restrictions) may change them, and the version is shared by every process.
_derived = (None, {})


def derived_from_content(request, key, compute):
    """`compute()`, reused by later requests of this process until the content changes."""
    global _derived
    version = request_content_state(request)["version"]
    held_version, values = _derived
    if held_version != version:
        values = {}
        _derived = (version, values)
    if key not in values:
        values[key] = compute()
    return values[key]


def bump_version():
    cache.set(
        VERSION_KEY,
        {"version": uuid.uuid4().hex, "changed_at": int(timezone.now().timestamp())},
        timeout=None,
    )


def content_changed(**kwargs):
    """Signal receiver: drop every cached API answer once the change is committed."""
    transaction.on_commit(bump_version)


def is_cacheable(request):
    """Anonymous reads only: a signed-in client may see what the public may not."""
    anonymous = (
        "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )
    return (
        anonymous
        and request.method in ("GET", "HEAD")
        and request.path_info.startswith(CACHED_PATH_PREFIXES)
        and not request.path_info.startswith(UNCACHED_PATH_PREFIXES)
    )


# The headers an answer varies on; each is part of the cache key and of `Vary`.
VARY_HEADERS = ("Accept", "Accept-Language", "Authorization", "Cookie")
STORED_CONTENT_TYPES = (
    "application/json",
    "application/vnd.oai.openapi",
    "application/vnd.oai.openapi+json",
)


def cache_key(request, version):
    # Without ?locale the answer depends on Accept-Language; with it, it does not.
    language = "" if "locale" in request.GET else (language_from_header(request) or "")
    accept = " ".join(request.headers.get("Accept", "").split())
    query = "&".join(sorted(request.GET.urlencode().split("&")))
    raw = "|".join((version, request.path_info, query, language, accept))
    return "poaiss:api:response:" + hashlib.sha256(raw.encode()).hexdigest()


def is_storable(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        response.status_code == 200
        and not response.streaming
        and content_type in STORED_CONTENT_TYPES
    )


class ApiCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable(request):
            response = self.get_response(request)
            if request.path_info.startswith(CACHED_PATH_PREFIXES):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        state = request_content_state(request)
        timeout = settings.API_RESPONSE_CACHE_TIMEOUT
        key = cache_key(request, state["version"])
        stored = cache.get(key) if timeout else None
        if stored is not None:
            response = self.rebuild(stored)
        else:
            response = self.get_response(request)
            if timeout and is_storable(response):
                cache.set(key, self.freeze(response), timeout=timeout)

        if response.status_code != 200:
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date(state["changed_at"])
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        patch_vary_headers(response, VARY_HEADERS)
        return get_conditional_response(
            request, etag=etag, last_modified=state["changed_at"], response=response
        )

    @staticmethod
    def freeze(response):
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() in ("content-type", "content-language", "content-disposition", "allow")
        }
        return {"status": response.status_code, "content": response.content, "headers": headers}

    @staticmethod
    def rebuild(stored):
        from django.http import HttpResponse

        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"].items():
            response[name] = value
        return response
