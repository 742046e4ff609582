"""Start-up checks of the services named in the environment.

Settings already reject malformed values; this module checks that the services they
name answer, and reports a failure as one sentence naming the variable.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections


def check_database():
    connection = connections["default"]
    if connection.vendor == "sqlite" and str(connection.settings_dict["NAME"]) != ":memory:":
        # The embedded database lives in var/, which a fresh checkout does not have yet.
        Path(connection.settings_dict["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ImproperlyConfigured(
            f"DATABASE_URL points to a database that cannot be reached ({reason})."
        ) from None


def check_redis():
    if not settings.REDIS_URL:
        return
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise ImproperlyConfigured(
            f"REDIS_URL points to a Redis server that cannot be reached ({error})."
        ) from None


def check_services():
    check_database()
    check_redis()
