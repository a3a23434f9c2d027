"""A visitor subscribes at /lettre/, confirms from the email received by a real SMTP server, manages
their preferences and unsubscribes (page or one click, RFC 8058)."""

import pytest
from django.test import Client

from newsletter.choices import SubscriberStatus
from newsletter.models import Subscriber
from tests.factories import SubscriberFactory, ThemeFactory
from tests.newsletter.conftest import html_part, links, subscribe_form, text_part

pytestmark = pytest.mark.django_db


def post(client, url, data, capture):
    with capture(execute=True):  # the confirmation is enqueued on commit
        return client.post(url, data)


def test_subscribe_confirm_from_the_email_then_unsubscribe_in_one_click(
    client, lettre, inbox, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(name="Climat et environnement")
    response = post(client, "/lettre/", subscribe_form(themes=[theme.pk]), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert "Vérifiez votre boîte de réception" in client.get(response["Location"]).content.decode()

    [message] = inbox.to("maire@ville-exemple.fr")
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    assert "Confirmez votre inscription" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_header = " ".join(str(message["List-Unsubscribe"]).split())
    assert unsubscribe_header.startswith("<https://testserver/lettre/desinscription/")
    assert "<mailto:desinscription@cites-unies-france.org?subject=" in unsubscribe_header
    assert 'lang="fr"' in html_part(message)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    assert list(subscriber.themes.all()) == [theme]

    # Following the link shows a button; only the POST confirms (mail scanners confirm nothing).
    [confirm_path] = links(message, "/confirmer/")
    page = client.get(confirm_path)
    assert "Je confirme mon inscription" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING
    confirmed = client.post(confirm_path)
    assert "Inscription confirmée" in confirmed.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED

    # One-click unsubscribe as a mail client does it: a POST without CSRF token or cookie.
    one_click_url = unsubscribe_header.split(",")[0].strip("<> ").removeprefix("https://testserver")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        one_click_url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert list(subscriber.themes.all()) == []


def test_unsubscribe_page_asks_then_unsubscribes(client, lettre, inbox, django_capture_on_commit_callbacks):
    SubscriberFactory(email="elu@departement.fr")
    post(client, "/lettre/", subscribe_form(email="elu@departement.fr"), django_capture_on_commit_callbacks)
    [message] = inbox.to("elu@departement.fr")  # the "already subscribed" notice, with its links
    [path] = links(message, "/desinscription/")
    page = client.get(path)
    assert "Confirmer la désinscription" in page.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
    done = client.post(path)
    assert "Vous êtes désinscrit·e" in done.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED
    assert "Vous êtes désinscrit·e" in client.get(path).content.decode()


def test_an_address_already_subscribed_gets_the_same_answer_as_a_new_one(
    client, lettre, inbox, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="deja@ville.fr", name="Déjà Là")
    new = post(client, "/lettre/", subscribe_form(email="nouveau@ville.fr"), django_capture_on_commit_callbacks)
    known = post(client, "/lettre/", subscribe_form(email="deja@ville.fr"), django_capture_on_commit_callbacks)
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert client.get(new["Location"]).content == client.get(known["Location"]).content
    # The owner of the known address learns it in their own mailbox; its data is unchanged.
    [notice] = inbox.to("deja@ville.fr")
    assert "reçoit déjà la lettre" in text_part(notice)
    assert Subscriber.objects.get(email="deja@ville.fr").name == "Déjà Là"


def test_preferences_link_of_an_email_changes_the_themes(client, lettre, inbox, django_capture_on_commit_callbacks):
    water, culture = ThemeFactory(name="Eau et assainissement"), ThemeFactory(name="Culture")
    subscriber = SubscriberFactory(email="dgs@commune.fr", themes=[water])
    post(client, "/lettre/", subscribe_form(email="dgs@commune.fr"), django_capture_on_commit_callbacks)
    path = links(inbox.to("dgs@commune.fr")[0], "/preferences/")[0]
    page = client.get(path).content.decode()
    assert "<legend>Thématiques</legend>" in page
    response = client.post(path, {"name": "DGS", "organisation": "", "themes": [culture.pk]})
    assert "Vos préférences sont enregistrées." in response.content.decode()
    assert list(subscriber.themes.all()) == [culture]
    bad = client.post(path, {"name": "DGS", "themes": ["999999"]})
    assert bad.status_code == 400
    assert "Choisissez des thématiques de la liste." in bad.content.decode()
    assert list(subscriber.themes.all()) == [culture]


def test_forged_or_altered_links_lead_nowhere(client, lettre):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING)
    for path in (
        f"/lettre/confirmer/{subscriber.key.hex}/",
        f"/lettre/preferences/{subscriber.key.hex}:forged/",
        "/lettre/desinscription/abc:def/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Lien invalide ou expiré" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_honeypot_pretends_success_and_keeps_nothing(client, lettre, inbox, django_capture_on_commit_callbacks):
    response = post(
        client, "/lettre/", subscribe_form(site_web="http://spam.example"), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


def test_rate_limits_per_ip_and_per_address(client, lettre, inbox, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_RATE_PER_IP = 5
    for _ in range(4):  # the same address four times: three emails at most
        post(client, "/lettre/", subscribe_form(), django_capture_on_commit_callbacks)
    assert len(inbox.to("maire@ville-exemple.fr")) == settings.NEWSLETTER_RATE_PER_EMAIL
    post(client, "/lettre/", subscribe_form(email="autre@ville.fr"), django_capture_on_commit_callbacks)
    blocked = post(client, "/lettre/", subscribe_form(email="encore@ville.fr"), django_capture_on_commit_callbacks)
    assert blocked.status_code == 429
    assert "Trop de demandes" in blocked.content.decode()
    assert not Subscriber.objects.filter(email="encore@ville.fr").exists()


def test_bad_input_shows_french_messages_next_to_fields_and_keeps_values(client, lettre, inbox):
    response = client.post("/lettre/", {"email": "pas-une-adresse", "name": "Camille", "organisation": "Ville"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide" in html
    assert "Cochez cette case pour vous inscrire." in html
    assert 'value="Camille"' in html and 'value="pas-une-adresse"' in html
    assert 'aria-describedby="id_email-erreur-1"' in html
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


def test_form_pages_are_never_stored_by_the_page_cache(client, lettre):
    response = client.get("/lettre/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
