"""Rate limits that refuse rather than wave requests through when their counters are down.

DRF's throttles count in the default cache, which turns a Redis outage into cache misses: a
throttle would then see no earlier requests and allow everything. These count in the
`throttles` cache, which reports errors, and answer 429 while it cannot be reached.
"""

import logging

from django.core.cache import caches
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

logger = logging.getLogger(__name__)

# Clients are told to come back after this long when the counters cannot be reached.
OUTAGE_WAIT_SECONDS = 30


class FailClosedThrottleMixin:
    outage = False

    @property
    def cache(self):
        return caches["throttles"]

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except (ConnectionInterrupted, RedisError, OSError):  # refuse; the client may retry
            logger.warning("Rate-limit counters unreachable; refusing %s.", request.path)
            self.outage = True
            return False

    def wait(self):
        return OUTAGE_WAIT_SECONDS if self.outage else super().wait()


class FailClosedScopedRateThrottle(FailClosedThrottleMixin, ScopedRateThrottle):
    pass


class FailClosedSimpleRateThrottle(FailClosedThrottleMixin, SimpleRateThrottle):
    pass
