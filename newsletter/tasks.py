"""Background work of the newsletter (django-tasks): run by the worker, never in a visitor's request.

Sending an issue:
1. `prepare_send(send_id)` writes one Delivery per targeted subscriber (pending), then enqueues one
   `send_batch` per NEWSLETTER_BATCH_SIZE deliveries;
2. `send_batch(send_id, first_id, last_id)` claims the pending deliveries of its range 25 at a time with a
   conditional UPDATE (pending -> sending, tagged with a claim id) before sending them over one SMTP
   connection, then records their outcome in one UPDATE (plus one per failure). A retried or duplicated
   batch finds them no longer pending and skips them: nobody is emailed twice. A worker killed mid-chunk
   leaves at most 25 deliveries "sending" (shown in the admin), never re-sent (at most once);
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


CLAIM_CHUNK = 25  # deliveries claimed, then recorded, together: two writes per 25 emails instead of 50


def claim_chunk(send_id, first_id, last_id):
    """Take up to CLAIM_CHUNK pending deliveries of the range for this run (pending -> sending, marked
    with a fresh claim id), and return them: a conditional UPDATE, so two runs never take the same one."""
    claim = uuid.uuid4().hex
    ids = list(
        Delivery.objects.filter(send_id=send_id, pk__gte=first_id, pk__lte=last_id, status=DeliveryStatus.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)[:CLAIM_CHUNK]
    )
    if not ids:
        return []
    Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING, claim=claim, updated_at=timezone.now()
    )
    return list(Delivery.objects.filter(claim=claim).select_related("subscriber").order_by("pk"))


def record(results):
    """Write the outcome of a chunk: one UPDATE for all the sent ones, one per failure (with its error)."""
    now = timezone.now()
    sent = [delivery.pk for delivery, status, _error in results if status == DeliveryStatus.SENT]
    if sent:
        Delivery.objects.filter(pk__in=sent).update(status=DeliveryStatus.SENT, updated_at=now)
    for delivery, status, error in results:
        if status != DeliveryStatus.SENT:
            Delivery.objects.filter(pk=delivery.pk).update(status=status, error=error[:500], updated_at=now)


@task()
def send_batch(send_id, first_id, last_id):
    send = Send.objects.select_related("issue").get(pk=send_id)
    renderer = IssueRenderer(send.issue.specific)
    counts = {"sent": 0, "failed": 0, "bounced": 0}
    connection = get_connection()
    try:
        connection.open()
        while chunk := claim_chunk(send.pk, first_id, last_id):
            results = []
            for delivery in chunk:
                subscriber = delivery.subscriber
                if subscriber is None or not subscriber.is_confirmed:  # unsubscribed since the send started
                    results.append((delivery, DeliveryStatus.FAILED, "désinscrit·e avant l’envoi"))
                    continue
                status, error = deliver(renderer.message(subscriber, connection=connection))
                results.append((delivery, status, error))
                if status == DeliveryStatus.FAILED:  # the session may be unusable: start a new one
                    connection.close()
                    connection.open()
            record(results)
            for _delivery, status, _error in results:
                counts[status] += 1
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
