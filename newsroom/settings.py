"""Settings for the newsroom CMS, read from the environment.

One file (~370 lines) so an operator reads every setting in one place; the
words reader pages show in each language are in newsroom/labels.py.

Every value that differs between a laptop, CI and production comes from an
environment variable; the defaults are the embedded, single-machine setup that
`make run` uses (SQLite, DEBUG off unless asked for, the demo outlet).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.labels import READER_LABELS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("NEWSROOM_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment "
            "(the Makefile does this for local runs)."
        )
    # Only for DEBUG or explicitly allowed local runs: never a shared secret.
    SECRET_KEY = "insecure-local-only-" + "x" * 40  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address every absolute URL is built from (canonical, Open Graph,
# JSON-LD, feeds, sitemaps), never a request's Host header: a cached page must
# not carry whatever host one request named.
_site = urlsplit(os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000"))
if (
    _site.scheme not in {"http", "https"}
    or not _site.hostname
    or _site.path not in {"", "/"}
    or _site.query
    or _site.fragment
):
    raise ImproperlyConfigured(
        "NEWSROOM_SITE_URL must be the site's scheme and host only, "
        f"e.g. https://www.voakhmer.example (got {_site.geturl()!r})."
    )
NEWSROOM_SITE_URL = f"{_site.scheme}://{_site.netloc}"

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "media_assets",
    "articles",
    "people",
    "frontpage",
    "live",  # before workflow: its panel follows the body, corrections after it
    "workflow",
    "syndication",
    "search",  # after the apps whose admin and models it builds on
    "elections",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cached anonymous pages leave here (after the HTTPS redirect), stored with
    # the headers everything below gave them: CSP, sessions, auth never run.
    "articles.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

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
                "newsroom.context_processors.outlet",
                "articles.labels.reader",
                "frontpage.navigation.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# Embedded default: a SQLite file next to the code. DATABASE_URL switches to
# PostgreSQL (or anything dj-database-url understands).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file. WAL lets readers run beside the
    # writer; IMMEDIATE takes the write lock at BEGIN, so a transaction that
    # read first never fails to upgrade ("database is locked") but waits, up
    # to `timeout` seconds, its turn. The test database is a file too, so
    # tests see the same locking (an in-memory one cannot be shared by threads).
    _sqlite_file = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
    if str(_sqlite_file) != ":memory:":
        DATABASES["default"]["TEST"] = {
            "NAME": str(_sqlite_file.with_name(f"test_{_sqlite_file.name}"))
        }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner's default random_page_cost (4, for spinning disks) makes a
    # sequential scan of every search vector look cheaper than the GIN index
    # for common words (docs/search.md#benchmark); 1.1 is the usual value for
    # SSDs and in-memory data. Set per connection, so no server change is needed.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(os.environ.get('DB_RANDOM_PAGE_COST', '1.1'))}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("km", _("Khmer"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "km")
# No silent fallback: a Khmer field left empty stays empty on the Khmer page.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
# The tabbed English/Khmer admin needs jQuery UI: served from here, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("NEWSROOM_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or env_bool("NEWSROOM_PLAIN_STATIC", False)

# Serve user uploads from the app itself in the embedded setup (no nginx).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# One cache for every worker process: Redis in production (REDIS_URL); without
# it, diskcache's SQLite-backed cache in a local folder (process-safe, atomic
# incr), so counters such as the partner feed's rate limit hold across
# gunicorn workers. NEWSROOM_CACHE=memory keeps a per-process memory cache: for
# the single-process test run only.
if os.environ.get("REDIS_URL"):
    _cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
elif os.environ.get("NEWSROOM_CACHE") == "memory":
    _cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
else:
    _cache = {
        "BACKEND": "newsroom.diskcache_backend.PersistentDjangoCache",
        "LOCATION": os.environ.get(
            "NEWSROOM_CACHE_DIR", str(BASE_DIR / "var" / "cache")
        ),
        # Pages (a story is ~35 kB, its gzip copy ~10 kB) stay in SQLite rows:
        # above diskcache's default 32 kB each read opened a file.
        "OPTIONS": {"disk_min_file_size": 2**20},
    }
CACHES = {"default": _cache}

# Security defaults; the HTTPS-only ones switch on with NEWSROOM_HTTPS=1.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if env_bool("NEWSROOM_HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "3600"))

# Content-Security-Policy (django-csp) on every response: scripts, styles and
# fonts only from this site, so an injected <script>, event handler or
# javascript: URL does not run. Pages have no inline scripts (JSON-LD is data,
# not script), so no nonce is needed and cached pages share no nonce. Nothing
# inline for styles either, neither <style> elements nor style="" attributes:
# the admin styles by classes and places the focal-point marker from
# focal_point.js. Uploads get `default-src 'none'; sandbox` (newsroom/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # gdb.voanews.com: the archive's photos, linked rather than copied.
        "img-src": [SELF, "https://gdb.voanews.com"],
        # The only embed: [[video]] (templates/articles/embeds/video.html).
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Anonymous public pages are cached this many seconds (0: off); every announced
# change of a story (articles/events.py) invalidates them at once. On by
# default with any cache the gunicorn workers share (diskcache, Redis); off with
# a per-process memory cache, whose invalidations other processes never see.
PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "NEWSROOM_PAGE_CACHE_SECONDS",
        0 if _cache["BACKEND"].endswith("LocMemCache") else 300,
    )
)
# What a public page reads from the database (a story with its bylines, photos,
# tags…) is kept this many seconds per content version for anonymous readers
# (articles.page_cache.for_readers), so a page rendered afresh runs no query.
PAGE_DATA_SECONDS = int(
    os.environ.get(
        "NEWSROOM_PAGE_DATA_SECONDS",
        0 if _cache["BACKEND"].endswith("LocMemCache") else 300,
    )
)

# How long a reviewer's preview link (workflow/share_links.py) stays valid.
PREVIEW_LINK_HOURS = int(os.environ.get("NEWSROOM_PREVIEW_LINK_HOURS", "48"))

# Partner feed requests per key: "REQUESTS/SECONDS".
_requests, _seconds = os.environ.get("NEWSROOM_FEED_RATE_LIMIT", "120/60").split("/")
SYNDICATION_RATE_LIMIT = (int(_requests), int(_seconds))

# Upload limits: enforced by media_assets' validators (bytes and pixels).
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 60_000_000))
PHOTO_MAX_FRAMES = int(os.environ.get("PHOTO_MAX_FRAMES", 3))
# Remote photo downloads refuse internal addresses (media_assets/remote.py);
# exact "address:port" exceptions, e.g. ["10.1.2.3:8080"]. Tests list their
# local servers here; leave it empty unless an archive server is internal.
PHOTO_FETCH_ALLOWED_ADDRESSES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The outlet: names, labels and defaults are settings, never template literals.
NEWSROOM = {
    "OUTLET_NAME": {
        "en": os.environ.get("NEWSROOM_OUTLET_NAME_EN", "VOA Khmer"),
        "km": os.environ.get("NEWSROOM_OUTLET_NAME_KM", "VOA ខ្មែរ"),
    },
    "SITE_TITLE": {
        "en": os.environ.get(
            "NEWSROOM_SITE_TITLE_EN", "Cambodia Adrift | Election 2018"
        ),
        "km": os.environ.get(
            "NEWSROOM_SITE_TITLE_KM", "កម្ពុជារសាត់អណ្តែត | ការបោះឆ្នោតឆ្នាំ២០១៨"
        ),
    },
    # The words pages show in each language (newsroom/labels.py).
    **READER_LABELS,
    # Sources whose photos partners may republish (case-insensitive match).
    "SYNDICATABLE_SOURCES": env_list(
        "NEWSROOM_SYNDICATABLE_SOURCES", "VOA,VOA Khmer,VOA News,Voice of America"
    ),
    # Agencies whose name anywhere in a photo's credit, copyright or source (its
    # own or its file's EXIF/IPTC/XMP) keeps it from partners; whole words, any case.
    "PHOTO_AGENCIES": env_list(
        "NEWSROOM_PHOTO_AGENCIES",
        "Reuters,Thomson Reuters,AP,Associated Press,AFP,Agence France-Presse,"
        "Getty,Getty Images,EPA,EFE,Xinhua,Kyodo,Anadolu,Bloomberg,ZUMA,"
        "Sipa,NurPhoto,Alamy,Shutterstock",
    ),
    # Where the terms for republishing the desk's own photos are (JSON-LD).
    "PHOTO_LICENSE_URL": os.environ.get("NEWSROOM_PHOTO_LICENSE_URL", ""),
    "DEMO_FIXTURES_DIR": os.environ.get(
        "NEWSROOM_DEMO_FIXTURES_DIR",
        str(BASE_DIR.parent / "shared" / "fixtures" / "voa"),
    ),
    # import_jekyll refuses larger posts (the archive's largest is ~57 KB).
    "IMPORT_MAX_POST_BYTES": int(
        os.environ.get("NEWSROOM_IMPORT_MAX_POST_BYTES", 2 * 1024 * 1024)
    ),
}

# Every record goes through one handler that masks partner keys
# (newsroom/log_redaction.py). Django's own handlers for "django" (console in
# DEBUG, mail to ADMINS) and "django.server" (runserver's request lines, query
# strings included) would bypass it, so those loggers hand their records to root.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_keys": {"()": "newsroom.log_redaction.RedactKeys"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_keys"]}
    },
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
