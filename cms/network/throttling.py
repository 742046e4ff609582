"""Rate limits on asking, answering, voting and flagging, counted per member in the cache.

Like every throttle of the API, they refuse while their counters cannot be reached.
"""

from django.conf import settings

from cms.api.throttling import FailClosedSimpleRateThrottle


class NetworkActionThrottle(FailClosedSimpleRateThrottle):
    """Throttles the viewset actions named in the view's `throttle_scopes` {action: scope}.

    Rates come from settings.POAISS_NETWORK["THROTTLE_RATES"], read at request time.
    """

    def allow_request(self, request, view):
        self.scope = getattr(view, "throttle_scopes", {}).get(getattr(view, "action", None))
        if not self.scope or request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        self.rate = settings.POAISS_NETWORK["THROTTLE_RATES"][self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self):
        # The rate depends on the action, so it is chosen in allow_request.
        return None

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
