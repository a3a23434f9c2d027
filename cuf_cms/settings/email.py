"""Read the outgoing mail configuration from one URL, e.g. EMAIL_URL=smtp://user:password@smtp.example.org:587?tls=1.

Schemes: smtp (plain or STARTTLS with ?tls=1), smtps (implicit TLS), console, locmem, dummy.
User and password may be percent-encoded. Unknown schemes are an error, not a silent fallback.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
TRUE = {"1", "true", "yes", "on"}


def parse_email_url(url):
    """Return the Django EMAIL_* settings that the URL describes."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {scheme!r} (expected one of {', '.join(BACKENDS)})")
    config = {"EMAIL_BACKEND": BACKENDS[scheme]}
    if scheme not in ("smtp", "smtps"):
        return config
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    config.update(
        EMAIL_HOST=parts.hostname or "localhost",
        EMAIL_PORT=parts.port or (465 if scheme == "smtps" else 25),
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_SSL=scheme == "smtps" or query.get("ssl", "").lower() in TRUE,
        EMAIL_USE_TLS=query.get("tls", "").lower() in TRUE,
    )
    if config["EMAIL_USE_SSL"] and config["EMAIL_USE_TLS"]:
        raise ImproperlyConfigured("EMAIL_URL: choose either implicit TLS (smtps:// or ?ssl=1) or STARTTLS (?tls=1)")
    if "timeout" in query:
        config["EMAIL_TIMEOUT"] = int(query["timeout"])
    return config
