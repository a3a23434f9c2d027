from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings.")
if not os.environ.get("ALLOWED_HOSTS"):  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production settings.")

DEBUG = False

# Outgoing mail (workflow notifications): EMAIL_URL, e.g. smtp://user:password@smtp.example.org:587?tls=1.
# Unset: the local SMTP server on port 25, Django's default.
from .email import parse_email_url  # noqa: E402

globals().update(parse_email_url(os.environ.get("EMAIL_URL", "smtp://localhost:25")))  # noqa: F405
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT", 10)
