"""Background work of the newsletter (django-tasks): run by the worker, never in a visitor's request.

Sending an issue:
1. `prepare_send(send_id)` writes one Delivery per targeted subscriber (pending), then enqueues one
   `send_batch` per NEWSLETTER_BATCH_SIZE deliveries;
2. `send_batch(send_id, first_id, last_id)` claims each pending delivery of its range with a conditional
   UPDATE (pending -> sending) before sending it, over one SMTP connection. A retried or duplicated batch
   finds the delivery no longer pending and skips it: nobody is emailed twice. A worker killed between
   the claim and the send leaves that delivery "sending" (shown in the admin), never re-sent;
3. the SMTP server refusing the recipient (SMTPRecipientsRefused) marks it bounced, any other SMTP error
   failed; the send's counts are refreshed after each batch, and it is done when nothing is left.
"""

import logging
import smtplib
import uuid

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from newsletter.choices import DeliveryStatus, SendStatus
from newsletter.emails import IssueRenderer, already_subscribed_message, confirmation_message
from newsletter.models.records import Delivery, Send, Subscriber

logger = logging.getLogger(__name__)


def newsletter_index():
    """The live newsletter index page (one per site, max_count = 1), found by its content type: the
    page models import the views, which enqueue these tasks."""
    page = (
        Page.objects.live()
        .filter(content_type__app_label="newsletter", content_type__model="newsletterindexpage")
        .first()
    )
    return page.specific if page else None


@task()
def send_confirmation(subscriber_id):
    """The double opt-in email, or the "already subscribed" notice for a confirmed address."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    index = newsletter_index()
    if subscriber is None or index is None:
        return "skipped"
    if subscriber.is_confirmed:
        already_subscribed_message(subscriber, index).send()
        return "already"
    confirmation_message(subscriber, index).send()
    return "confirm"


@task()
def send_test(issue_id, email):
    """The issue as a subscriber would get it, to one editor; its links carry a key that matches nobody."""
    issue = Page.objects.get(pk=issue_id).get_latest_revision_as_object()
    stand_in = Subscriber(email=email, key=uuid.uuid4())
    IssueRenderer(issue).message(stand_in, subject_prefix="[TEST] ").send()
    return email


@task()
def prepare_send(send_id):
    send = Send.objects.get(pk=send_id)
    issue = send.issue.specific
    if not send.deliveries.exists():
        recipients = Subscriber.objects.for_issue(issue).order_by("pk").values_list("pk", "email")
        with transaction.atomic():
            Delivery.objects.bulk_create(
                (Delivery(send=send, subscriber_id=pk, email=email) for pk, email in recipients.iterator()),
                batch_size=1000,
                ignore_conflicts=True,  # (send, subscriber) is unique: a re-run adds nobody twice
            )
            Send.objects.filter(pk=send.pk).update(total=send.deliveries.count(), status=SendStatus.SENDING)
    ids = list(send.deliveries.filter(status=DeliveryStatus.PENDING).order_by("pk").values_list("pk", flat=True))
    size = settings.NEWSLETTER_BATCH_SIZE
    batches = [(ids[start], ids[min(start + size, len(ids)) - 1]) for start in range(0, len(ids), size)]
    for first, last in batches:
        send_batch.enqueue(send.pk, first, last)
    if not batches:
        send.refresh_counts()
    return len(batches)


def claim(delivery):
    """Take `delivery` for this batch; False when another run already took it."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, updated_at=timezone.now()
        )
    )


def finish(delivery, status, error=""):
    Delivery.objects.filter(pk=delivery.pk).update(status=status, error=error[:500], updated_at=timezone.now())


@task()
def send_batch(send_id, first_id, last_id):
    send = Send.objects.select_related("issue").get(pk=send_id)
    renderer = IssueRenderer(send.issue.specific)
    deliveries = (
        send.deliveries.filter(pk__gte=first_id, pk__lte=last_id, status=DeliveryStatus.PENDING)
        .select_related("subscriber")
        .order_by("pk")
    )
    counts = {"sent": 0, "failed": 0, "bounced": 0, "skipped": 0}
    connection = get_connection()
    try:
        connection.open()
        for delivery in deliveries:
            subscriber = delivery.subscriber
            if subscriber is None or not subscriber.is_confirmed:  # unsubscribed since the send started
                finish(delivery, DeliveryStatus.FAILED, "désinscrit·e avant l’envoi")
                counts["skipped"] += 1
                continue
            if not claim(delivery):
                counts["skipped"] += 1
                continue
            status, error = deliver(renderer.message(subscriber, connection=connection))
            finish(delivery, status, error)
            counts[status] += 1
            if status == DeliveryStatus.FAILED:  # the session may be unusable: start a new one
                connection.close()
                connection.open()
    finally:
        connection.close()
        send.refresh_counts()
    return counts


def deliver(message):
    """Send one message over its open connection: (delivery status, error text)."""
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        return DeliveryStatus.BOUNCED, "; ".join(f"{code} {text!r}" for code, text in error.recipients.values())
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Newsletter delivery failed: %s", error)
        return DeliveryStatus.FAILED, str(error)
    return DeliveryStatus.SENT, ""
