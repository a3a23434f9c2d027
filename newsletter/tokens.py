"""Signed links of the emails (django.core.signing): the subscriber's random key, never its id.

- confirm: a TimestampSigner link, valid NEWSLETTER_CONFIRM_DAYS days;
- manage (preferences, unsubscribe): no expiry, so the links of an old issue still work.
Each purpose has its own salt: a preferences link cannot be replayed as a confirmation.
"""

import datetime

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
MANAGE_SALT = "newsletter.manage"


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key.hex)


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SALT).sign(subscriber.key.hex)


def key_from_confirm_token(token):
    """The key in a confirmation token, or None when it is forged, altered or expired."""
    max_age = datetime.timedelta(days=getattr(settings, "NEWSLETTER_CONFIRM_DAYS", 7))
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None


def key_from_manage_token(token):
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature:
        return None
