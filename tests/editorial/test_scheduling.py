"""Scheduled publishing and expiry, with time moved forward (time-machine) instead of waiting."""

import datetime
import os
import signal
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from editorial.models import SchedulerLock
from editorial.scheduler import LOCK_NAME, publish_scheduled_step
from tests.editorial.conftest import edit, workflow_action
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def local_input(moment):
    """A datetime as the admin's date-time field expects it (Europe/Paris)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def scheduled(site_tree, clients, people):
    """A page submitted by the Rédacteur with a go-live date one hour ahead, approved by the Modérateur."""
    with time_machine.travel(START, tick=False):
        page = ArticlePageFactory(parent=site_tree["articles"], title="Annonce programmée", live=False)
        edit(clients["redacteur"], page, "action-submit", go_live_at=local_input(START + datetime.timedelta(hours=1)))
        workflow_action(clients["moderateur"], page, "approve", comment="")
    return page


def test_approved_page_waits_for_its_go_live_date(client, scheduled):
    page = Page.objects.get(pk=scheduled.pk)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == START + datetime.timedelta(hours=1)

    with time_machine.travel(START + datetime.timedelta(minutes=59), tick=False):
        call_command("run_scheduler", once=True)
        assert not Page.objects.get(pk=scheduled.pk).live
        assert "Annonce programmée" not in client.get("/actualites/").content.decode()

    with time_machine.travel(START + datetime.timedelta(minutes=60, seconds=30), tick=False):
        call_command("run_scheduler", once=True)
        assert Page.objects.get(pk=scheduled.pk).live
        assert "Annonce programmée" in client.get("/actualites/").content.decode()
        assert client.get(scheduled.url).status_code == 200


def test_page_goes_offline_at_its_expiry_date(client, site_tree, clients):
    with time_machine.travel(START, tick=False):
        page = ArticlePageFactory(parent=site_tree["articles"], title="Appel à projets 2026", live=False)
        edit(clients["moderateur"], page, "action-publish", expire_at=local_input(START + datetime.timedelta(days=7)))
        assert Page.objects.get(pk=page.pk).live

    with time_machine.travel(START + datetime.timedelta(days=7, minutes=1), tick=False):
        assert "Appel à projets 2026" in client.get("/actualites/").content.decode()
        call_command("run_scheduler", once=True)
        page = Page.objects.get(pk=page.pk)
        assert not page.live and page.expired
        assert "Appel à projets 2026" not in client.get("/actualites/").content.decode()
        assert client.get("/actualites/appel-a-projets-2026/").status_code == 404


def test_unapproved_go_live_date_publishes_nothing(site_tree, clients):
    with time_machine.travel(START, tick=False):
        page = ArticlePageFactory(parent=site_tree["articles"], title="Jamais approuvé", live=False)
        edit(clients["redacteur"], page, "action-submit", go_live_at=local_input(START + datetime.timedelta(hours=1)))
    with time_machine.travel(START + datetime.timedelta(days=1), tick=False):
        call_command("run_scheduler", once=True)
    assert not Page.objects.get(pk=page.pk).live


def test_a_second_scheduler_waits_for_the_lock(scheduled):
    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        assert SchedulerLock.acquire(LOCK_NAME, "autre-hote:1234", seconds=25)
        assert publish_scheduled_step() is None
        assert not Page.objects.get(pk=scheduled.pk).live

    # The other scheduler died holding its lease: it expires and this one takes over.
    with time_machine.travel(START + datetime.timedelta(hours=2, seconds=30), tick=False):
        result = publish_scheduled_step()
        assert {key: result[key] for key in ("published", "unpublished", "clock_purge")} == {
            "published": 1,
            "unpublished": 0,
            "clock_purge": False,
        }
        assert Page.objects.get(pk=scheduled.pk).live
        assert not SchedulerLock.objects.exists()


def test_the_loop_stops_cleanly_on_sigterm(scheduled, capsys):
    timer = threading.Timer(0.5, os.kill, args=(os.getpid(), signal.SIGTERM))
    previous = signal.getsignal(signal.SIGTERM)
    with time_machine.travel(START + datetime.timedelta(hours=2)):
        timer.start()
        call_command("run_scheduler", interval=0.05)
    timer.join()
    output = capsys.readouterr().out
    assert "Signal SIGTERM received" in output and "Scheduler stopped." in output
    assert "published 1" in output
    assert Page.objects.get(pk=scheduled.pk).live
    assert signal.getsignal(signal.SIGTERM) is previous
