"""All settings, read from the environment (see README "Configuration")."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY to a long random string (or DEBUG=1 on a development machine).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_scopes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_prose_editor",
    "partnership_portal",
    "partners",
    "metrics",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "partnership_portal.middleware.AdminScopeMiddleware",
    "partnership_portal.middleware.SessionTimeoutMiddleware",
    "partnership_portal.two_factor.TwoFactorMiddleware",
    "partnership_portal.middleware.PrivateCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out sign-in with the lock-out page
]

ROOT_URLCONF = "partnership_portal.urls"
WSGI_APPLICATION = "partnership_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} remembers its answers: partnership_portal/templatetags/memo_url.py
            "builtins": ["partnership_portal.templatetags.memo_url"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
# Widgets render through Django's Jinja2 copies of its form templates: see form_rendering.py.
FORM_RENDERER = "partnership_portal.form_rendering.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests may write at once (a partner saving while the business unit reads).
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "partners.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out sign-in before the password is checked.
# UserBackend is Django's ModelBackend reading the two-factor answers with the person (two_factor.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "partnership_portal.two_factor.UserBackend"]
# Sign-in throttling: after LOGIN_FAILURE_LIMIT failures for one username, or from one client
# address, that username (or address) is locked for LOGIN_LOCKOUT_MINUTES; an administrator can
# unlock it sooner in the admin ("Access attempts": delete the row). A success clears the count.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "partnership_portal.accounts.locked_out"
# Behind TRUSTED_PROXY_COUNT proxies, the client's address is the X-Forwarded-For entry the
# outermost of them added (0: the connection's own address). See partnership_portal.accounts.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "partnership_portal.accounts.client_address"
OTP_TOTP_ISSUER = "Partnership portal"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "var" / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "var" / "media")
# Chart SVGs exported for PDFs, keyed by a hash of the chart (reports/rendering/chart_export.py).
RENDER_CHART_CACHE = Path(env_str("RENDER_CHART_CACHE") or BASE_DIR / "var" / "chart-cache")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or not env_bool("STATIC_MANIFEST", True)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # a return of 200 metrics × 4 areas posts ~2,400 fields

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")

# Background work (e-mail now; rendering and publishing later) through the Tasks API.
# TASKS_BACKEND: "database" (a queue table worked by `manage.py db_worker`), "immediate" (run in
# the request: tests, or a machine without a worker) or a backend's dotted path.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
_task_backend = env_str("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(_task_backend, _task_backend)}}
if "." not in TASKS["default"]["BACKEND"]:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database, immediate, dummy or a dotted path; got {_task_backend!r}."
    )

# Password-reset requests sent on per address (ten times as many per client) within the window.
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 3)
PASSWORD_RESET_WINDOW = env_int("PASSWORD_RESET_WINDOW", 3600)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "partnership_portal.sessions"  # database sessions, their query built once
# Signed out after SESSION_IDLE_MINUTES without a request (default a working day), and at the
# latest SESSION_COOKIE_AGE seconds after signing in (default two weeks).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 8 * 60)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 14 * 24 * 3600)

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only;
# no inline script or style anywhere (templates pass data with json_script, styles live in CSS).
# plotly.js creates an *empty* <style> element and adds its rules through the CSSOM (insertRule),
# which CSP does not govern; the hash below (of the empty string) allows exactly that empty
# element and no inline style with content. Its drawing sets styles through the CSSOM too.
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", EMPTY_STYLE_HASH],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
# Served over HTTPS behind a proxy in production; HTTPS=0 only for local tests over plain HTTP.
if env_bool("HTTPS", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs each layout step and kaleido's browser its housekeeping at INFO.
    "loggers": {
        name: {"level": "WARNING"} for name in ("weasyprint.progress", "fontTools", "choreographer", "kaleido")
    },
}

# Published reports (issue 14): immutable artefacts, served only through the public views (so a
# withdrawal answers 410 everywhere), kept apart from MEDIA_ROOT, which a proxy may serve directly.
# ARTEFACT_STORAGE=s3 stores them in an S3-compatible bucket through django-storages.
ARTEFACT_STORAGE = env_str("ARTEFACT_STORAGE", "local")
if ARTEFACT_STORAGE == "local":
    STORAGES["artefacts"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(env_str("ARTEFACT_ROOT") or BASE_DIR / "var" / "artefacts"), "base_url": None},
    }
elif ARTEFACT_STORAGE == "s3":
    if not env_str("ARTEFACT_S3_BUCKET"):
        raise ImproperlyConfigured(
            "ARTEFACT_STORAGE=s3 needs ARTEFACT_S3_BUCKET (and usually ARTEFACT_S3_ENDPOINT_URL)."
        )
    STORAGES["artefacts"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("ARTEFACT_S3_BUCKET"),
            "endpoint_url": env_str("ARTEFACT_S3_ENDPOINT_URL") or None,
            "region_name": env_str("ARTEFACT_S3_REGION") or None,
            "access_key": env_str("ARTEFACT_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("ARTEFACT_S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("ARTEFACT_S3_PREFIX", "artefacts"),
            "default_acl": "private",  # never public by URL: withdrawal must reach every copy
            "querystring_auth": True,
            "file_overwrite": False,  # artefacts are immutable
        },
    }
else:
    raise ImproperlyConfigured(f"ARTEFACT_STORAGE must be local or s3; got {ARTEFACT_STORAGE!r}.")
# Seconds a web worker reuses what it read about a published year (reports/public/microcache.py).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 2)
# Invitations (partners/people.py): how long a set-password link in an invitation e-mail works.
INVITATION_TIMEOUT_DAYS = env_int("INVITATION_TIMEOUT_DAYS", 7)
