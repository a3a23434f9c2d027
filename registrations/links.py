"""The signed link of each registration's emails: cancel, download or erase one's data.

The link carries the registration's random token signed with django.core.signing.TimestampSigner (the
SECRET_KEY), so it can be neither guessed nor forged; it stays valid for LINK_MAX_AGE.
"""

import uuid

from django.core import signing

from core import origin
from registrations.models import Registration

SIGNER_SALT = "registrations.manage-link"
LINK_MAX_AGE = 60 * 60 * 24 * 400  # longer than any retention period


def manage_token(registration):
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(str(registration.token))


def registration_for_token(value):
    """The registration a signed link points to, or None (bad signature, too old, erased)."""
    try:
        token = uuid.UUID(signing.TimestampSigner(salt=SIGNER_SALT).unsign(value, max_age=LINK_MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None
    return Registration.objects.select_related("event", "collectivite").filter(token=token).first()


def registration_url(event, request=None):
    return event.get_url(request) + "inscription/"


def manage_url(registration):
    return f"{origin.page_url(registration.event)}inscription/gerer/{manage_token(registration)}/"
