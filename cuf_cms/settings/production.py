"""Production: refuses to start half-configured; secure by default behind a TLS-terminating proxy.

Variables (see the README): SECRET_KEY, ALLOWED_HOSTS, BASE_URL (required); CSRF_TRUSTED_ORIGINS;
SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, SECURE_HSTS_PRELOAD, SECURE_PROXY_SSL_HEADER,
SECURE_COOKIES; AWS_STORAGE_BUCKET_NAME and friends for S3-compatible media storage.
"""

from django.core.exceptions import ImproperlyConfigured

from core.origin import parse_base_url

from .base import *  # noqa: F403
from .base import env_bool, env_list, os

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment for production settings "
        "(a long random string, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is too short or too simple: use at least 50 random characters.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set in the environment for production settings "
        "(comma-separated host names, e.g. `www.cites-unies-france.org`)."
    )
if not os.environ.get("BASE_URL"):
    raise ImproperlyConfigured(
        "BASE_URL must be set in the environment for production settings: the site's public origin, "
        "e.g. `https://www.cites-unies-france.org` (canonical URLs, sitemap, feeds and emails use it)."
    )
try:
    parse_base_url(BASE_URL)  # noqa: F405
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from error

DEBUG = False

# Outgoing mail (workflow notifications): EMAIL_URL, e.g. smtp://user:password@smtp.example.org:587?tls=1.
# Unset: the local SMTP server on port 25, Django's default.
from .email import parse_email_url  # noqa: E402

globals().update(parse_email_url(os.environ.get("EMAIL_URL", "smtp://localhost:25")))  # noqa: F405
# The URL names how the worker delivers; requests only queue (core/mail.py).
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND  # noqa: F405
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT", 10)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1 so that
# X-Forwarded-Proto: https marks a request as secure (only if the proxy always sets that header).
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
if SECURE_SSL_REDIRECT:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# Media: local disk (MEDIA_ROOT, shared between app servers) unless a bucket is named.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            # The bucket is another origin than the site: an uploaded HTML file cannot reach its cookies.
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    # Access keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3 itself);
    # set MEDIA_ORIGIN to the bucket's public origin so the Content-Security-Policy allows its images.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
