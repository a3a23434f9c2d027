"""Background tasks of the funds app (django-tasks): tell CUF that a pledge arrived."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from core import origin
from core.cards import site_settings

from .pledges import Pledge

logger = logging.getLogger(__name__)


def pledge_recipients():
    """Where pledge notifications go: the site's contact address, else FUNDS_PLEDGE_EMAIL."""
    found = site_settings(None)
    address = (found.contact_email if found is not None else "") or settings.FUNDS_PLEDGE_EMAIL
    return [address] if address else []


@task()
def notify_pledge(pledge_id):
    """Email CUF about a new pledge; returns the number of messages sent (0 when it is gone or has no recipient)."""
    pledge = Pledge.objects.select_related("fund", "collectivite").filter(pk=pledge_id).first()
    recipients = pledge_recipients()
    if pledge is None or not recipients:
        logger.warning("Pledge %s: no notification sent (missing pledge or recipient)", pledge_id)
        return 0
    subject = f"Promesse de contribution : {pledge.collectivite_name} – {pledge.fund_title}"
    body = render_to_string("funds/emails/pledge_notification.txt", {"pledge": pledge, "base_url": origin.origin()})
    sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    Pledge.objects.filter(pk=pledge.pk).update(notified_at=timezone.now())
    return sent
