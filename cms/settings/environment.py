"""Read and validate configuration from environment variables.

Every problem is reported as one ImproperlyConfigured sentence naming the variable,
so that a bad deployment fails at start-up instead of on the first request.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def get_str(name, default=""):
    return os.environ.get(name, default).strip()


def get_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def get_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def get_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(name, default_url):
    url = get_str(name) or default_url
    try:
        config = dj_database_url.parse(url, conn_max_age=get_int("DATABASE_CONN_MAX_AGE", 60))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None
    if config["ENGINE"] not in {
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    }:
        raise ImproperlyConfigured(
            f"{name} must point to SQLite or PostgreSQL, not {config['ENGINE']}."
        )
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The embedded default serves several requests and a worker at once: readers do not
        # wait for writers (WAL), a transaction takes the write lock when it starts instead of
        # failing half-way, and a busy database is waited for rather than refused.
        config.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            }
        )
    return config


def secret_key_file(path):
    """A secret key of this checkout's own, made on first use: never one published in code."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


def redis_url(name):
    """Return the Redis URL in `name`, or "" when unset; reject anything malformed."""
    url = get_str(name)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"{name} must be a redis://, rediss:// or unix:// URL, not {url!r}."
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port: {url!r}.") from None
    if parts.scheme != "unix" and not parts.hostname:
        raise ImproperlyConfigured(f"{name} has no host name: {url!r}.")
    database = parts.path.lstrip("/")
    if database and not database.isdigit():
        raise ImproperlyConfigured(
            f"{name} must end with a database number such as /0, not /{database}."
        )
    del port
    return url


def http_url(name):
    url = get_str(name)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(f"{name} must be an http:// or https:// URL, not {url!r}.")
    return url.rstrip("/")


def choice(name, default, allowed):
    value = get_str(name, default)
    if value not in allowed:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(sorted(allowed))}, not {value!r}."
        )
    return value
