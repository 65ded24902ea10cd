"""Settings for reliefsite, read from the environment (and an optional .env file).

Every variable, its default and meaning is listed in README.md.
"""

import hashlib
import tempfile
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# Development needs no variables; production must set DEBUG=False and then
# cannot start without a real SECRET_KEY and ALLOWED_HOSTS.
DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-not-for-production-use-0123456789"
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET_KEY)
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a long random value when DEBUG=False "
            "(50+ characters, e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
        )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the site's host names when DEBUG=False, e.g. ALLOWED_HOSTS=relief.example.org"
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "simple_history",
    "import_export",
    "reliefsite.organizations",
    "reliefsite.sources",
    "reliefsite.actions",
    "reliefsite.campaigns",
    "reliefsite.hotlines",
    "reliefsite.directory",
    "reliefsite.core",
    "reliefsite.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache stores the response every middleware below has finished (CSP, Vary...);
    # SecurityMiddleware stays outside it because HSTS depends on each request's scheme.
    "reliefsite.core.middleware.PageCacheUpdateMiddleware",
    # Unlike Django's FetchFromCacheMiddleware, which goes last, this answers a hit before the
    # session, locale, CSRF, auth... middleware run: a hit needs none of them (the language comes
    # from the URL, editors are recognised by their session cookie, the stored response already
    # carries every header), and skipping them raised cached req/s from ~0.45x to ~0.6x a static
    # file's (bench/RESULTS.md).
    "reliefsite.core.middleware.PageCacheFetchMiddleware",
    "reliefsite.core.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Lets a few hashed inline attributes of third-party admin templates through, in the admin only.
    "reliefsite.core.middleware.AdminCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reliefsite.urls"
WSGI_APPLICATION = "reliefsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the file. WAL lets pages be read while an editor saves, and
    # IMMEDIATE takes the write lock when a transaction starts, so two saves at once wait their turn
    # (up to `timeout` seconds) instead of one failing with "database is locked" midway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; several app servers share Redis: CACHE_URL=redis://host:6379/0.
# Public pages have their own alias ("pages"), on PAGE_CACHE_URL, else on CACHE_URL's Redis under
# their own key prefix. With no shared server configured, pages go to Django's file-based cache so
# that every gunicorn worker on this host sees the same pages and the same invalidation.
# See reliefsite/core/cache.py and docs/deploy.md.
_CACHE_URL = env("CACHE_URL", default="locmemcache://reliefsite")
_LOCAL_PAGES = f"filecache://{Path(tempfile.gettempdir()) / ('reliefsite-pages-' + hashlib.md5(str(BASE_DIR).encode()).hexdigest()[:8])}"
CACHES = {
    "default": env.cache_url_config(_CACHE_URL),
    "pages": env.cache_url_config(
        env("PAGE_CACHE_URL", default=_LOCAL_PAGES if _CACHE_URL.startswith("locmem") else _CACHE_URL)
    ),
}
CACHES["pages"]["KEY_PREFIX"] = "pages"
CACHES["pages"]["TIMEOUT"] = env.int("CACHE_SECONDS", default=300)
CACHES["pages"].setdefault("OPTIONS", {}).setdefault(
    "MAX_ENTRIES", env.int("PAGE_CACHE_MAX_ENTRIES", default=5000)
)
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = CACHES["pages"]["TIMEOUT"]
CACHE_MIDDLEWARE_KEY_PREFIX = "reliefsite"

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
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_LOCKOUT_CALLABLE = "reliefsite.core.lockout.lockout_response"
# Behind a reverse proxy REMOTE_ADDR is the proxy: set PROXY_COUNT=1 (nginx) so lockouts count the
# visitor's address, not everybody's at once.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "reliefsite.core.lockout.client_ip"

LANGUAGE_CODE = env("LANGUAGE_CODE", default="zh-hans")
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

ADMIN_URL = env("ADMIN_URL", default="admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured("ADMIN_URL must be a relative path ending in '/', e.g. 'staff-7f3c/'.")
# Never from the page cache: the admin, the health check, static files.
PAGE_CACHE_EXCLUDED_PREFIXES = (f"/{ADMIN_URL}", "/healthz", f"/{STATIC_URL}")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Security: strict in production, relaxed only where development over plain HTTP needs it.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=True) else None
)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Features this site never uses; unknown names (like the retired interest-cohort) only make browsers warn.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Everything to stderr, one line per record, for the process manager (systemd, docker) to keep.
# gunicorn writes the access log (gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own console handler only prints with DEBUG on; errors reach the root handler.
        "django": {"handlers": [], "level": env("LOG_LEVEL", default="INFO"), "propagate": True},
        # 4xx responses are logged by the access log already.
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

SILENCED_SYSTEM_CHECKS = []
