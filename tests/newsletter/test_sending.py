"""An editor sends a test to themself, a moderator sends an issue to the confirmed subscribers it targets:
batches run by the task worker, emails received by a real SMTP server, per-recipient status."""

import pytest
from django.test import RequestFactory

from newsletter.choices import DeliveryStatus, SendStatus, SubscriberStatus
from newsletter.models import Delivery, Send, Subscriber
from newsletter.tasks import prepare_send, send_batch
from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
    ThemeFactory,
)
from tests.newsletter.conftest import html_part, links, text_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(lettre, site_tree):
    ArticlePageFactory(parent=site_tree["articles"], title="Jumelage renouvelé avec Tripoli")
    EventPageFactory(parent=site_tree["agenda"], title="Rencontres de l’action internationale")
    return NewsletterIssuePageFactory(parent=lettre, title="Numéro de novembre")


def send_all(client, issue, capture):
    with capture(execute=True):
        return client.post(f"/admin/lettre/envoi/{issue.pk}/", {"action": "all", "confirm": "on"})


def test_moderator_sends_to_confirmed_subscribers_only(
    moderateur, issue, inbox, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 2  # five recipients: three batches
    confirmed = [SubscriberFactory(email=f"elu{n}@ville.fr") for n in range(4)]
    SubscriberFactory(email="attente@ville.fr", status=SubscriberStatus.PENDING)
    SubscriberFactory(email="parti@ville.fr", status=SubscriberStatus.UNSUBSCRIBED)
    SubscriberFactory(email="refuse@ville.fr")  # the SMTP server answers 550 for this one

    page = moderateur.get(f"/admin/lettre/envoi/{issue.pk}/").content.decode()
    assert "5 abonné·es confirmé·es" in page
    response = send_all(moderateur, issue, django_capture_on_commit_callbacks)
    assert response.status_code == 302

    received = sorted(message["To"] for message in inbox.messages)
    assert received == sorted(subscriber.email for subscriber in confirmed)
    message = inbox.to("elu0@ville.fr")[0]
    assert message["Subject"].strip() == "La lettre de la coopération décentralisée – Numéro de novembre"
    assert message.get_content_type() == "multipart/alternative"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<https://testserver/lettre/desinscription/" in " ".join(str(message["List-Unsubscribe"]).split())
    html, text = html_part(message), text_part(message)
    assert 'lang="fr"' in html and 'role="presentation"' in html
    assert "Jumelage renouvelé avec Tripoli" in html and "Jumelage renouvelé avec Tripoli" in text
    assert "Rencontres de l’action internationale" in text

    send = Send.objects.get()
    assert (send.status, send.total, send.sent, send.bounced, send.failed) == (SendStatus.DONE, 5, 4, 1, 0)
    bounced = Delivery.objects.get(email="refuse@ville.fr")
    assert bounced.status == DeliveryStatus.BOUNCED and "550" in bounced.error
    assert "5 / 5 (100 %)" in moderateur.get(f"/admin/lettre/envoi/{issue.pk}/").content.decode()

    # The unsubscribe link of the issue works, followed as the reader would.
    unsubscribe = links(message, "/desinscription/")[0]
    moderateur.post(unsubscribe)
    assert Subscriber.objects.get(email="elu0@ville.fr").status == SubscriberStatus.UNSUBSCRIBED

    # A second send of the same issue is refused.
    again = send_all(moderateur, issue, django_capture_on_commit_callbacks)
    assert "déjà été envoyée" in again.content.decode()
    assert Send.objects.count() == 1


def test_a_retried_batch_never_emails_anyone_twice(moderateur, issue, inbox, django_capture_on_commit_callbacks):
    for n in range(3):
        SubscriberFactory(email=f"dgs{n}@commune.fr")
    send_all(moderateur, issue, django_capture_on_commit_callbacks)
    send = Send.objects.get()
    first, last = Delivery.objects.order_by("pk").first().pk, Delivery.objects.order_by("pk").last().pk
    assert len(inbox.messages) == 3
    send_batch.call(send.pk, first, last)  # the worker retries the batch (or runs it twice)
    prepare_send.call(send.pk)  # and even the whole preparation
    assert len(inbox.messages) == 3
    assert Delivery.objects.count() == 3


def test_targeting_by_country_and_theme(issue):
    lebanon, water = CountryFactory(name="Liban"), ThemeFactory(name="Eau et assainissement")
    culture = ThemeFactory(name="Culture")
    issue.countries.set([lebanon])
    issue.themes.set([water])
    SubscriberFactory(email="tout@ville.fr")  # no preference: everything
    SubscriberFactory(email="liban@ville.fr", countries=[lebanon])
    SubscriberFactory(email="eau@ville.fr", themes=[water])
    SubscriberFactory(email="culture@ville.fr", themes=[culture])
    SubscriberFactory(email="attente@ville.fr", status=SubscriberStatus.PENDING)
    targeted = set(Subscriber.objects.for_issue(issue).values_list("email", flat=True))
    assert targeted == {"tout@ville.fr", "liban@ville.fr", "eau@ville.fr"}
    issue.countries.clear()
    issue.themes.clear()
    assert Subscriber.objects.for_issue(issue).count() == 4


def test_redacteur_sends_a_test_to_themself_but_not_to_subscribers(
    redacteur, issue, inbox, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="abonne@ville.fr")
    page = redacteur.get(f"/admin/lettre/envoi/{issue.pk}/").content.decode()
    assert "M’envoyer un test" in page
    assert "Seuls les modérateurs peuvent envoyer" in page
    redacteur.post(f"/admin/lettre/envoi/{issue.pk}/", {"action": "test"})
    [message] = inbox.messages
    assert message["To"] == "redacteur@cites-unies-france.org"
    assert message["Subject"].strip().startswith("[TEST] ")
    refused = send_all(redacteur, issue, django_capture_on_commit_callbacks)
    assert refused.status_code in (302, 403)
    assert not Send.objects.exists()
    assert len(inbox.messages) == 1


def test_the_send_button_is_in_the_page_header_and_the_email_preview_renders(moderateur, issue):
    edit = moderateur.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/lettre/envoi/{issue.pk}/" in edit
    request = RequestFactory().get("/")
    request.user = type("U", (), {"email": "moderateur@cites-unies-france.org"})()
    preview = issue.serve_preview(request, "email").content.decode()
    assert 'lang="fr"' in preview and "Jumelage renouvelé avec Tripoli" in preview
    web = moderateur.get(issue.url).content.decode()
    assert "Jumelage renouvelé avec Tripoli" in web and "Numéro de novembre" in web


def test_the_archive_lists_published_issues(client, lettre, issue):
    draft = NewsletterIssuePageFactory(parent=lettre, title="Brouillon secret", live=False)
    html = client.get("/lettre/archives/").content.decode()
    assert issue.title in html and draft.title not in html
    assert issue.title in client.get("/lettre/").content.decode()


def test_the_archive_reads_a_fixed_number_of_queries(client, lettre, django_assert_max_num_queries):
    for _ in range(2):
        NewsletterIssuePageFactory(parent=lettre)
    with django_assert_max_num_queries(20) as few:
        client.get("/lettre/archives/")
    for _ in range(8):
        NewsletterIssuePageFactory(parent=lettre)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/lettre/archives/").content.decode()
    assert html.count('class="issue-list__item"') == 10
