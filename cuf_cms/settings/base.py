"""Settings shared by every environment; everything variable comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    # The project's apps, top layer first (docs/architecture.md; import-linter keeps the layers).
    "demo",
    "spip_import",
    "home",
    "hubs",
    "editorial",
    "registrations",
    "newsletter",
    "groups",
    "articles",
    "events",
    "funds",
    "calls",
    "resources",
    "directory",
    "core",
    "pagecache",
    "media_library",
    "taxonomy",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtailmedia",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a hit is answered before any other middleware runs. Entries keep the headers the
    # middlewares below set when the page was rendered (CSP, HSTS, nosniff…); a deploy that changes
    # them runs `manage.py purge_page_cache`. Plain-HTTP requests are never stored (they get the
    # redirect to HTTPS, which is not cacheable), so SECURE_SSL_REDIRECT still applies to them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail Site, found once per purge for each host (after CommonMiddleware: only
    # allowed hosts get there).
    "core.site_lookup.SiteLookupMiddleware",
    # Wagtail's page routing in two queries rather than two per level (core/page_routing.py).
    "core.page_routing.PageRouteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old SPIP URLs that no redirect matches go to the closest section (spip_import, tools layer).
    "spip_import.middleware.SpipFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a lock-out into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cuf_cms.urls"
WSGI_APPLICATION = "cuf_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cuf"),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cuf") + "-renditions",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        },
    }
else:
    # A file cache is shared by every local process (web, scheduler, commands);
    # per-process memory would leave other processes serving stale pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        },
    }

# Sessions live in the database, read through the shared cache: any app server can serve any visitor.
# core.sessions is Django's cached_db engine that ignores a cookie no Django key looks like.
SESSION_ENGINE = "core.sessions"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Full-page cache for anonymous visitors (pagecache/, README "Page cache"; every PAGE_CACHE_* setting
# and its default is in pagecache/conf.py). On by default, as visitors get it; PAGE_CACHE=0 turns it
# off while working on templates.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
if "PAGE_CACHE_TIMEOUT" in os.environ:
    PAGE_CACHE_TIMEOUT = int(os.environ["PAGE_CACHE_TIMEOUT"])
# Cards and calendar events rendered once per content and reused across purges (pagecache/fragments.py).
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# French for the strings a third-party app's own French catalog leaves empty (wagtailmedia's dashboard
# summary, search results…); `make messages` compiles it.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
# Let Django serve MEDIA_ROOT with hardening headers (core/media.py) when nothing in front does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Every email goes through the background worker (core/mail.py): requests queue, `db_worker` delivers
# with EMAIL_DELIVERY_BACKEND (the console in development; EMAIL_URL in production).
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cités Unies France <noreply@cites-unies-france.org>")

# Wagtail's workflow notifications (wagtail/admin/mail.py): moderators get an email when a page
# is submitted, the author when it is approved or rejected (with the moderator's comment).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("NOTIFY_SUPERUSERS", True)

# Editorial process (editorial/)
EDITORIAL_PREVIEW_LINK_DAYS = int(os.environ.get("PREVIEW_LINK_DAYS", "7"))
EDITORIAL_SCHEDULER_INTERVAL = int(os.environ.get("SCHEDULER_INTERVAL", "30"))

# Background work (renditions, emails, imports) runs in the worker: `manage.py db_worker` (make worker;
# `make run` starts it). Tasks are rows of django_tasks_db.DBTaskResult; core/tasks.py adds retries.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Finished task rows (arguments may hold personal data: a queued email) are deleted by the scheduler.
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("TASK_RESULT_RETENTION_DAYS", "14"))
# Event registrations (registrations/): personal data is erased this many days after the event ends.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "90"))
# One address may submit the registration form this many times per hour (shared cache).
REGISTRATION_RATE_LIMIT = int(os.environ.get("REGISTRATION_RATE_LIMIT", "5"))

# The newsletter (newsletter/, README "La lettre")
NEWSLETTER_FROM_EMAIL = os.environ.get(
    "NEWSLETTER_FROM_EMAIL", "La lettre de Cités Unies France <lettre@cites-unies-france.org>"
)
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get("NEWSLETTER_UNSUBSCRIBE_MAILTO", "desinscription@cites-unies-france.org")
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))  # emails per worker task
NEWSLETTER_CONFIRM_DAYS = 7  # validity of the confirmation link
NEWSLETTER_RATE_PER_IP = 10  # subscription attempts per hour and address IP
NEWSLETTER_RATE_PER_EMAIL = 3  # confirmation emails per hour and address


# Wagtail
WAGTAIL_SITE_NAME = "Cités Unies France"
# The site's public origin (scheme://host[:port]): every absolute URL (canonical, OpenGraph, JSON-LD,
# feeds, iCalendar, sitemap, emails) is built on it by core/origin.py, whatever Host a request carried.
# `migrate` keeps Wagtail's default Site equal to it; production requires it (settings/production.py).
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CufImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.CufDocument"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_library.CufMedia",
    "MEDIA_FORM_BASE": "media_library.forms.CufMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "ogg", "m4a"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# Upload rules (media_library/uploads.py): size per kind, real content checked against the extension.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_library.forms.CufImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_library.forms.CufDocumentForm"
CUF_MEDIA_MAX_UPLOAD_SIZE = int(os.environ.get("MEDIA_MAX_UPLOAD_SIZE", str(300 * 1024 * 1024)))
CUF_CAPTIONS_MAX_UPLOAD_SIZE = 1024 * 1024
# Documents a browser could render or run are downloaded, never displayed (media_library/wagtail_hooks.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# The database backend: PostgreSQL full-text search with "cuf_french" (French stemmer + unaccent,
# created by core/migrations/0004), SQLite FTS5 otherwise (SQLite ignores SEARCH_CONFIG).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "cuf_french"),
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]

# Homepage and listings
ARTICLES_PER_PAGE = 12
EVENTS_PER_PAGE = 12
CALLS_PER_PAGE = 12
# A call whose deadline is this close shows "Clôture imminente".
CALLS_CLOSING_SOON_DAYS = 14
# Pledge notifications go to SiteSettings.contact_email, else to this address.
FUNDS_PLEDGE_EMAIL = os.environ.get("FUNDS_PLEDGE_EMAIL", "contact@cites-unies-france.org")
RESOURCES_PER_PAGE = 12
DIRECTORY_PER_PAGE = 24
# Wagtail's login form for restricted pages, in French and in the site's layout (see groups/privacy.py).
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "groups/login.html"
# Page types that /recherche/ looks in (core.views.search); an app with a new page type adds it here.
SEARCHABLE_PAGE_TYPES = [
    "articles.ArticlePage",
    "events.EventPage",
    "resources.ResourcePage",
    "core.StandardPage",
    # MembersAreaPage is searched like the others: public() keeps its restricted pages out of the results.
    "groups.CountryGroupPage",
    "groups.MembersAreaPage",
    "funds.FundPage",
    "calls.CallPage",
]

# Security headers (see core/security.py). Public pages load nothing inline and nothing from
# another site; MEDIA_ORIGIN adds the media host (S3 bucket or a separate media domain).
MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN", "")
_media_sources = ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": [*_media_sources, "data:"],
        "media-src": _media_sources,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin still relies on inline scripts and styles; it gets a looser policy, only under /admin/.
CSP_ADMIN_PATH_PREFIX = "/admin/"
CSP_ADMIN_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Embed previews in the editor show the provider's thumbnail and player.
    "img-src": [*_media_sources, "data:", "blob:", "https:"],
    "media-src": [*_media_sources, "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin does not read the CSRF cookie from JavaScript (it uses the form token).
CSRF_COOKIE_HTTPONLY = True
# No avatars fetched from gravatar.com: the admin loads nothing from another site either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Brute force on the admin login: django-axes, attempts stored in the shared database.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = "Compte verrouillé : trop de tentatives de connexion. Réessayez plus tard."
AXES_PERMALOCK_MESSAGE = "Compte verrouillé : trop de tentatives de connexion. Contactez un administrateur."
# Behind N trusted reverse proxies, the client address is the N-th from the right in X-Forwarded-For.
if os.environ.get("TRUSTED_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["TRUSTED_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
