"""Settings shared by every environment. Everything that varies comes from the environment.

With no variables set the suite runs embedded: SQLite, the database search backend,
Celery tasks executed eagerly and a cache in files under var/ that every process shares.
DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL switch to PostgreSQL, Redis with a real Celery
worker, and Elasticsearch.
"""

from pathlib import Path

from celery.schedules import crontab
from corsheaders.defaults import default_headers as default_cors_headers

from cms.core.languages import LANGUAGE_CHOICES

from . import environment as env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env.get_str("POAISS_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env.get_str("SECRET_KEY")
DEBUG = env.get_bool("DEBUG", False)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.core",
    "cms.api",
    "cms.library",
    "cms.analysis",
    "cms.accounts",
    "cms.network",
    "cms.editorial",
    "cms.learning",
    "blocks",
    "assistance",
    "cms.mosaic",
    "cms.outbox",
    "search",
    # After the apps that load demo pages: its demo loader links to them.
    "cms.website",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.editorial.apps.UsersConfig",  # wagtail.users, with the profile in its user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "corsheaders",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Security headers first, so they are on every answer, the API cache's included.
    "django.middleware.security.SecurityMiddleware",
    "cms.core.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.core.security.AdminFramingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.input.UnstorableInputMiddleware",
    "cms.api.caching.ApiCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.core.middleware.PrefixedLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.database_from_url("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Languages ------------------------------------------------------------------------------
# The six official languages of the United Nations (cms.core.languages owns the list). The
# default language is the source language of content, taxonomy terms and fallbacks.
UN_LANGUAGES = list(LANGUAGE_CHOICES)
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = UN_LANGUAGES
LANGUAGE_CODE = env.choice("DEFAULT_LANGUAGE", "en", {code for code, _name in UN_LANGUAGES})
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.get_str("TIME_ZONE", "UTC")
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache, broker and tasks ----------------------------------------------------------------
REDIS_URL = env.redis_url("REDIS_URL")
if REDIS_URL:
    # An unreachable Redis costs a second, not a request's whole time.
    REDIS_TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "poaiss",
            # A cache outage degrades to cache misses instead of failed requests.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, **REDIS_TIMEOUTS},
        },
        # Rate limits must not read an outage as "nothing counted yet": errors reach the
        # throttles, which then refuse (cms/api/throttling.py).
        "throttles": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "poaiss",
            "OPTIONS": REDIS_TIMEOUTS,
        },
    }
else:
    # The embedded default keeps its cache in files under var/: every process of the
    # checkout shares it (the server, a management command, a second server), so a command
    # that changes content drops the server's cached API answers and ETags at once. Nothing
    # to create first: `make run` stays one command.
    CACHE_DIR = Path(env.get_str("POAISS_CACHE_DIR", str(VAR_DIR / "cache")))
    CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / name),
            "KEY_PREFIX": "poaiss",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
        for name in ("default", "throttles")
    }

CELERY_BROKER_URL = env.get_str("CELERY_BROKER_URL") or REDIS_URL
CELERY_RESULT_BACKEND = env.get_str("CELERY_RESULT_BACKEND") or REDIS_URL or None
# Without a broker, tasks run in-process; with one, a worker must be running.
CELERY_TASK_ALWAYS_EAGER = env.get_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task a killed worker had taken is handed to another worker once this many seconds have
# passed without its acknowledgement (Redis broker). Every task must finish well within it:
# the rebuild's chunks are limited to CELERY_CHUNK_TIME_LIMIT seconds.
CELERY_VISIBILITY_TIMEOUT = env.get_int("CELERY_VISIBILITY_TIMEOUT", 900)
# An unreachable broker is given up on within about two seconds when work is handed over after
# a commit (the outbox keeps it), instead of holding the request for six.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": 1,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_CHUNK_TIME_LIMIT = min(600, max(1, CELERY_VISIBILITY_TIMEOUT * 2 // 3))
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "purge-expired-previews": {"task": "cms.core.tasks.purge_expired_previews", "schedule": 3600},
    "purge-sign-in-failures": {
        "task": "cms.accounts.tasks.purge_sign_in_failures",
        "schedule": 3600,
    },
    "purge-idempotency-keys": {"task": "cms.api.tasks.purge_idempotency_keys", "schedule": 3600},
    # Hourly and idempotent: each run sends only the digests of the last complete period not
    # yet sent.
    "network-daily-digests": {
        "task": "cms.network.tasks.send_digests",
        "schedule": 3600,
        "args": ("daily",),
    },
    "network-weekly-digests": {
        "task": "cms.network.tasks.send_digests",
        "schedule": 3600,
        "args": ("weekly",),
    },
    "publish-scheduled": {"task": "cms.editorial.tasks.publish_scheduled", "schedule": 60},
    # Runs the after-commit work (index updates, rematching, e-mails, statements for the LRS)
    # a broker outage held back, and retries what failed.
    "replay-outbox": {"task": "cms.outbox.tasks.replay_pending", "schedule": 60},
    "rebuild-matches": {
        "task": "assistance.tasks.rebuild_matches",
        "schedule": crontab(hour=2, minute=30),
    },
    "assistance-deadline-reminders": {
        "task": "assistance.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "assistance-donor-digests": {
        "task": "assistance.tasks.send_donor_digests",
        "schedule": crontab(hour=7, minute=30, day_of_week=1),
    },
}

# --- Search ---------------------------------------------------------------------------------
ELASTICSEARCH_URL = env.http_url("ELASTICSEARCH_URL")
# The suite's own search service (see search/): a backend chosen by dotted path.
POAISS_SEARCH = {
    "BACKEND": {
        "CLASS": "search.backends.elasticsearch.ElasticsearchBackend"
        if ELASTICSEARCH_URL
        else "search.backends.database.DatabaseBackend",
        "OPTIONS": {
            "URL": ELASTICSEARCH_URL,
            "INDEX_PREFIX": env.get_str("SEARCH_INDEX_PREFIX", "poaiss"),
        },
    }
}
# Wagtail's own admin search always uses the database, so it works in every configuration.
# Wagtail's database backend, with queries reduced to their words (cms/core/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.core.search_backend"}}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "PoA-ISS"
WAGTAILADMIN_BASE_URL = env.http_url("SITE_URL") or "http://127.0.0.1:8000"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# A new translation starts as a draft, to be reviewed before it is published.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous write is answered 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "cms.api.schema.AutoSchema",
    # JSON only: an HTML rendering of an answer must never reach the shared cache or a client
    # that asked for data (development adds the browsable API).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "cms.api.input.StrictJSONParser",
        "cms.api.input.StrictFormParser",
        "cms.api.input.StrictMultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "cms.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "cms.api.errors.exception_handler",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_RATES": {"auth": env.get_str("API_AUTH_RATE", "10/minute")},
    # Client addresses come from X-Forwarded-For only as far as this many trusted proxies;
    # with none, the connection's own address counts and the header is ignored.
    "NUM_PROXIES": env.get_int("TRUSTED_PROXY_COUNT", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PoA-ISS API",
    "DESCRIPTION": (
        "Published content and data of the Programme of Action Implementation Support "
        "System, in the six UN languages. Every endpoint takes ?locale=."
    ),
    "VERSION": "2",
    "LICENSE": {"name": "BSD-3-Clause", "url": "https://opensource.org/license/bsd-3-clause"},
    "CONTACT": {"name": "UNODA, PoA-ISS", "url": "https://www.poa-iss.org"},
    # Clients read the API where the site is published (a generated client can take another).
    "SERVERS": [{"url": WAGTAILADMIN_BASE_URL, "description": "This site"}],
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.schema_hooks.finish_schema",
    ],
    # Apps add theirs with `api_enum_names` (see cms.core.plugins).
    "ENUM_NAME_OVERRIDES": {
        "LocaleEnum": "cms.api.languages.LANGUAGE_CHOICES",
        "InstrumentEnum": "cms.core.instruments.Instrument",
    },
    # The docs page's assets come from drf-spectacular-sidecar, served locally.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Public API answers: how long clients may reuse them, and how long the shared cache keeps them
# (publishing drops them at once, so the second can be long).
API_CACHE_SECONDS = env.get_int("API_CACHE_SECONDS", 60)
API_RESPONSE_CACHE_TIMEOUT = env.get_int("API_RESPONSE_CACHE_TIMEOUT", 3600)
# POSTs sent with an Idempotency-Key header (cms/api/idempotency.py): how long their answers
# are kept for retries, and after how long a first request that never finished (its worker
# killed) is taken over by a retry. Longer than any request may run (gunicorn's timeout).
API_IDEMPOTENCY_KEY_SECONDS = env.get_int("API_IDEMPOTENCY_KEY_SECONDS", 24 * 3600)
API_IDEMPOTENCY_LOCK_SECONDS = env.get_int("API_IDEMPOTENCY_LOCK_SECONDS", 120)
# Headless preview: the front-end page that renders a draft from /api/v2/preview/?token=...
HEADLESS_PREVIEW_CLIENT_URL = env.http_url("HEADLESS_PREVIEW_CLIENT_URL")
HEADLESS_PREVIEW_MAX_AGE = env.get_int("HEADLESS_PREVIEW_MAX_AGE", 3600)
CORS_ALLOWED_ORIGINS = env.get_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
# Browser clients may send an Idempotency-Key and read whether the answer was replayed.
CORS_ALLOW_HEADERS = (*default_cors_headers, "idempotency-key")
CORS_EXPOSE_HEADERS = ["Idempotent-Replayed", "Location"]

# --- Security headers -----------------------------------------------------------------------
# Scripts only from this site: an injected <script> or event handler does not run, in the
# public pages, the API docs or a report's print view (the admin's editing screens also run
# Wagtail's widget scripts, see cms/core/security.py). Inline styles stay allowed because the
# admin's widgets set them; they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# No site may frame ours; the admin frames its own previews (cms/core/security.py).
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# The admin makes no requests to other sites: no avatars from Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Mail -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "PoA-ISS <no-reply@poa-iss.localhost>")
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
    # Per-object task and page-action chatter belongs in the admin's logs, not the console.
    "loggers": {
        name: {"level": env.get_str("LOG_LEVEL_LIBRARIES", "WARNING")}
        for name in ("wagtail", "django_tasks", "modelsearch")
    },
}

# --- Small Arms Advisory Network ------------------------------------------------------------
POAISS_NETWORK = {
    # A new member's first posts wait for a moderator; from this many approvals on, they don't.
    "FIRST_POSTS_HELD": env.get_int("NETWORK_FIRST_POSTS_HELD", 2),
    # Where e-mails send readers; {base} is SITE_URL, {id} the question.
    "QUESTION_URL": env.get_str("NETWORK_QUESTION_URL", "{base}/api/v2/network/questions/{id}/"),
    "THROTTLE_RATES": {
        "network_ask": env.get_str("NETWORK_ASK_RATE", "10/hour"),
        "network_answer": env.get_str("NETWORK_ANSWER_RATE", "30/hour"),
        "network_vote": env.get_str("NETWORK_VOTE_RATE", "120/hour"),
        "network_flag": env.get_str("NETWORK_FLAG_RATE", "20/hour"),
    },
}
POAISS_LOGIN_LOCKOUT = {
    # Failures that lock an account (from any address) and an address (for any account).
    "FAILURES": env.get_int("LOGIN_LOCKOUT_FAILURES", 5),
    "ADDRESS_FAILURES": env.get_int("LOGIN_LOCKOUT_ADDRESS_FAILURES", 50),
    "SECONDS": env.get_int("LOGIN_LOCKOUT_SECONDS", 900),
}
# Django's model backend with the sign-in lock-out (see cms/accounts/lockout.py).
AUTHENTICATION_BACKENDS = ["cms.accounts.lockout.LockoutModelBackend"]
# --- National reports -----------------------------------------------------------------------
# Largest PDF accepted as a submitted national report file.
POAISS_NATIONAL_REPORT_MAX_UPLOAD_SIZE = (
    env.get_int("NATIONAL_REPORT_MAX_UPLOAD_MB", 20) * 1024 * 1024
)
# --- Assistance -----------------------------------------------------------------------------
# The publisher of IATI exports: an organisation of the taxonomy, the identifier IATI
# allocated to it and its IATI organisation type (40: multilateral).
POAISS_IATI_REPORTING_ORG = {
    "organisation": env.get_str("IATI_REPORTING_ORGANISATION") or "unoda",
    "ref": env.get_str("IATI_REPORTING_ORG_REF") or "XI-IATI-UNODA",
    "type": env.get_str("IATI_REPORTING_ORG_TYPE") or "40",
}
# --- E-learning -----------------------------------------------------------------------------
# xAPI statements are stored locally; with an endpoint set they are also sent to that LRS.
LEARNING_LRS = {
    "ENDPOINT": env.http_url("LEARNING_LRS_ENDPOINT"),
    "USERNAME": env.get_str("LEARNING_LRS_USERNAME", ""),
    "PASSWORD": env.get_str("LEARNING_LRS_PASSWORD", ""),
}
# Answers sent this many seconds after a quiz's time limit still count (network delays).
LEARNING_SUBMISSION_GRACE_SECONDS = env.get_int("LEARNING_SUBMISSION_GRACE_SECONDS", 10)
