"""Registering, cancelling, promoting and erasing, with the capacity kept under concurrency.

Every change of an event's registrations runs in a transaction that first locks the event's row
(`SELECT … FOR UPDATE` on events_eventpage, PostgreSQL); the confirmed count is read and the new row
written under that lock, so 50 simultaneous registrations for 10 places give exactly 10 confirmed and
40 waiting (tests/registrations/test_concurrency.py). SQLite serialises writers by itself.

Emails are tasks (registrations/tasks.py) enqueued after the commit: the worker composes and sends
them. The page cache is purged only when the event's "Complet" badge changes (full <-> not full).
"""

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import EventPage
from pagecache.purge import purge_after_commit
from registrations.choices import RegistrationStatus
from registrations.models import Registration
from registrations.tasks import send_registration_email


def annotate_queryset(queryset):
    """EventPage queryset -> the same with `seats_taken` (confirmed registrations), one subquery."""
    confirmed = Registration.objects.confirmed().filter(event=OuterRef("pk")).order_by()
    count = confirmed.values("event").annotate(n=Count("pk")).values("n")
    return queryset.annotate(seats_taken=Coalesce(Subquery(count), 0))


def annotate_seats(event):
    event.seats_taken = Registration.objects.confirmed().filter(event=event).count()
    return event


def _lock_event(event_pk):
    return EventPage.objects.select_for_update(of=("self",)).only("pk", "capacity").get(pk=event_pk)


def _is_full(event, confirmed):
    return event.capacity is not None and confirmed >= event.capacity


def _email_after_commit(registration, kind):
    pk = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(pk, kind))


def register(event, *, email, **fields):
    """Register `email` to `event`; returns (registration, created).

    An address that already holds an active registration gets no second one: it is sent a reminder
    with its link instead, and the caller shows the same neutral answer either way.
    """
    email = email.strip().lower()
    with transaction.atomic():
        locked = _lock_event(event.pk)
        existing = Registration.objects.active().filter(event=locked, email=email).first()
        if existing is not None:
            _email_after_commit(existing, "already")
            return existing, False
        confirmed = Registration.objects.confirmed().filter(event=locked).count()
        full = _is_full(locked, confirmed)
        registration = Registration.objects.create(
            event=locked,
            email=email,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            **fields,
        )
        _email_after_commit(registration, "waiting" if full else "confirmed")
        if not full and _is_full(locked, confirmed + 1):
            purge_after_commit()  # the event just became "Complet"
    return registration, True


def cancel(registration, *, erase=False):
    """Cancel (or erase) a registration; a freed place goes to the first person waiting.

    Returns the promoted registration, if any.
    """
    promoted = None
    with transaction.atomic():
        locked = _lock_event(registration.event_id)
        current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if current is None:
            return None
        was_confirmed = current.status == RegistrationStatus.CONFIRMED
        if was_confirmed:
            promoted = Registration.objects.waiting().filter(event=locked).select_for_update().first()
            if promoted is not None:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.promoted_at = timezone.now()
                promoted.save(update_fields=["status", "promoted_at"])
                _email_after_commit(promoted, "promoted")
            elif locked.capacity is not None:
                confirmed = Registration.objects.confirmed().filter(event=locked).count()
                if confirmed == locked.capacity:
                    purge_after_commit()  # "Complet" goes away
        if erase:
            current.delete()
        elif current.is_active:
            current.status = RegistrationStatus.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            _email_after_commit(current, "cancelled")
    return promoted
