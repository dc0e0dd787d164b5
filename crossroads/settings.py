"""Crossroads settings: one file, configured from environment variables (see README.md)."""

import datetime
import os
import warnings
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from crossroads.env import env_bool, env_int, env_list, env_str, env_time_zone
from crossroads.local_secret import local_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: use a long random value and keep it secret."
        )
    SECRET_KEY = local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries must start with http:// or https://; got {_origin!r}."
        )

INSTALLED_APPS = [
    "crossroads",
    "offers",
    "decisions",
    "reminders",
    "accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "js_lib_bootstrap5",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed (static files come compressed already: gzip and brotli, made by
    # collectstatic). On BREACH, see docs/security.md.
    "django.middleware.gzip.GZipMiddleware",
    # Before anything that reads the database: an outage is answered 503 with our own page.
    "crossroads.availability.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "crossroads.middleware.UserTimeZoneMiddleware",
    "crossroads.middleware.PrivatePagesMiddleware",
    "crossroads.middleware.MethodNotAllowedPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a lockout into its own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "crossroads.urls"
WSGI_APPLICATION = "crossroads.wsgi.application"

# Widgets render through TEMPLATES, so templates/django/forms/ overrides Django's own (select).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Connections are kept this many seconds and checked before each request reuses one, so the first
# request after a database restart reconnects instead of failing (Django's CONN_HEALTH_CHECKS).
CONN_MAX_AGE = env_int("CONN_MAX_AGE", 60)

# Database: DATABASE_URL when given (PostgreSQL only), else an embedded PostgreSQL under var/.
_database_url = env_str("DATABASE_URL")
if _database_url:
    try:
        _db = dj_database_url.parse(
            _database_url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
        )
    except Exception as exc:  # dj-database-url raises several kinds for a malformed URL
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a valid database URL ({exc}); expected "
            "postgres://USER:PASSWORD@HOST:PORT/NAME."
        ) from None
    if _db.get("ENGINE") != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must point at a PostgreSQL server (postgres://...); "
            "Crossroads supports no other database."
        )
else:
    _db = {
        "ENGINE": "crossroads.embedded_db",
        "NAME": "crossroads",
        "DATA_DIR": os.environ.get("EMBEDDED_POSTGRES_DIR", str(VAR_DIR / "postgres")),
        "CONN_MAX_AGE": CONN_MAX_AGE,
        "CONN_HEALTH_CHECKS": True,
    }
# Prepared statements: a query the app runs again on a kept connection is planned by PostgreSQL
# once, not on every request. Django turns them off unless asked, for poolers in transaction
# mode (PgBouncer), which cannot keep them: set DATABASE_PREPARED_STATEMENTS=0 behind one.
if env_bool("DATABASE_PREPARED_STATEMENTS", True):
    _db.setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the rate-limit counters (crossroads/rate_limits.py). The database cache: shared by
# every app process and kept across restarts, with no other server to run. Its table is made by a
# migration (crossroads/migrations/0006_cache_table.py). Expired rows are removed by
# `manage.py expire_records`; MAX_ENTRIES is high so no live counter is ever culled early.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "crossroads_cache",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    },
}
# (uses allowed, in a window of this many seconds)
RATE_LIMITS = {
    "password_reset_address": (10, 3600),
    "password_reset_email_here": (3, 3600),  # one e-mail address from one network address
    "password_reset_email": (10, 3600),  # one e-mail address from anywhere
    "signup_address": (10, 3600),
}

AUTH_USER_MODEL = "crossroads.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Reverse proxies of our own in front of the app (each appends to X-Forwarded-For). With none, the
# header is the client's own words and is ignored. See crossroads/client_address.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Slow down password guessing, fairly (crossroads/lockout.py): wrong passwords for one username
# from one address pause that username there; many from one address pause the address.
AXES_HANDLER = "crossroads.lockout.FairLockoutHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
# "Alice" and "alice" are one username, and share one count.
AXES_USERNAME_CALLABLE = "crossroads.models.username_for_lockouts"
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "crossroads.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "crossroads.lockout.lockout_response"
AXES_VERBOSE = False
# Login records (address, browser, time) are deleted after this many days by `expire_records`.
LOGIN_RECORDS_DAYS = env_int("LOGIN_RECORDS_DAYS", 30, minimum=1)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_time_zone("TIME_ZONE", "UTC")
# The app speaks English only (numbers and dates follow each person's country through Babel,
# crossroads/formats.py): without Django's translation machinery every message, label and date
# Django writes skips a lookup of the active language.
USE_I18N = False
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production; plain files while developing and testing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# crispy gives each widget its class's name as a CSS class: crossroads/widgets.py's LongSelect is
# Django's select drawn faster, and keeps the select's class.
CRISPY_CLASS_CONVERTERS = {"longselect": "select"}

# E-mail: SMTP when EMAIL_HOST is set; else printed in the terminal the app runs in, and then
# sign-up makes accounts at once instead of e-mailing a link (crossroads/mail.py: is_delivered).
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Crossroads <crossroads@localhost>")
# Where the app is reached from outside: e-mails sent by `manage.py send_reminders` (no request
# to take it from) link back to pages under it.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"SITE_URL must start with http:// or https://, such as https://crossroads.example.com; "
        f"got {SITE_URL!r}."
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. The page loads nothing from other hosts and runs no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Nothing here needs a camera, a microphone, the location or any other powerful feature.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Served over plain HTTP with no HTTPS in front, as `make run` serves (on this machine, or to others
# on the network with ADDR=0.0.0.0:8000): cookies marked Secure would be kept by no browser there,
# and no form would work. Never set in production; `check --deploy` warns when it is.
PLAIN_HTTP = env_bool("PLAIN_HTTP", False)
if not DEBUG:
    if TRUSTED_PROXY_COUNT > 0:
        # Only a proxy in front may say a request came over HTTPS: with none, anyone could.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not PLAIN_HTTP)
    if PLAIN_HTTP and SECURE_SSL_REDIRECT:
        raise ImproperlyConfigured(
            "PLAIN_HTTP=1 serves the app over HTTP, so SECURE_SSL_REDIRECT cannot be on as well: "
            "unset one of them."
        )
    SESSION_COOKIE_SECURE = not PLAIN_HTTP
    CSRF_COOKIE_SECURE = not PLAIN_HTTP
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# embedded-postgres (through platformdirs) warns when XDG_RUNTIME_DIR is unset; the fallback it
# picks is fine here.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
