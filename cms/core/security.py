"""The Content-Security-Policy of every HTML answer.

The policy in settings allows scripts from this site only. The admin's editing screens are
the one exception: Wagtail's form widgets (choosers, date pickers, inline panels) start with
small inline scripts that carry per-field values, so no fixed hash can allow them. For
signed-in users those screens also allow inline scripts (the sign-in page does not); rich
text is sanitised wherever it enters (see `blocks.sanitize`), so nothing a user writes can
become one. Admin views that show what
other users wrote without widgets (a report's print view) opt back in to the strict policy.
"""

from functools import wraps

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"


def strict_content_security_policy(view):
    """Serve the view under the site's strict policy, even inside the admin."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_strict = True
        return response

    return wrapped


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or not request.path_info.startswith(ADMIN_PREFIX):
            return parts
        # The admin previews its own pages in a frame; no other page may be framed.
        replace = {"frame-ancestors": ["'self'"], **(parts.replace or {})}
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not getattr(response, "_csp_strict", False):
            replace.setdefault("script-src", ["'self'", "'unsafe-inline'"])
        parts.replace = replace
        return parts


class AdminFramingMiddleware:
    """X-Frame-Options: DENY everywhere (settings), SAMEORIGIN in the admin for its previews.

    Sits above Django's XFrameOptionsMiddleware, so it has the last word on admin answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
