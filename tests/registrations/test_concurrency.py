"""50 simultaneous registrations for 10 places: exactly 10 confirmed and 40 waiting.

Real PostgreSQL connections, one per thread, each registering at the same moment (a barrier), with
committed transactions (transaction=True). It runs only on PostgreSQL: SQLite has no row locks to test
(it serialises writers) and is not what production runs. CI runs `make test` on PostgreSQL, where
this test executes; on SQLite it is deselected by the marker, not counted as passing.
"""

import threading

import pytest
from django.db import connection, connections

from registrations import services
from registrations.choices import RegistrationStatus
from registrations.models import Registration
from tests.factories import EventPageFactory, build_site

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it there)"),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_registrations_for_ten_places():
    tree = build_site()
    event = EventPageFactory(parent=tree["agenda"], registration_open=True, capacity=10)
    barrier = threading.Barrier(50)
    errors = []

    def register(number):
        try:
            barrier.wait(timeout=30)
            services.register(event, email=f"personne{number}@example.org", name=f"Personne {number}",
                              organisation="Ville", consent=True)  # fmt: skip
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    counts = {status: Registration.objects.filter(event=event, status=status).count() for status in RegistrationStatus}
    assert counts == {RegistrationStatus.CONFIRMED: 10, RegistrationStatus.WAITING: 40, RegistrationStatus.CANCELLED: 0}

    # Two cancellations at once free two places: the first two waiting, in order, are promoted.
    confirmed = list(Registration.objects.confirmed().filter(event=event)[:2])
    first_waiting = list(Registration.objects.waiting().filter(event=event).values_list("pk", flat=True)[:2])
    threads = [threading.Thread(target=lambda r=r: (services.cancel(r), connections.close_all())) for r in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Registration.objects.confirmed().filter(event=event).count() == 10
    assert set(Registration.objects.confirmed().filter(pk__in=first_waiting).values_list("pk", flat=True)) == set(
        first_waiting
    )
