"""The pledge form at /fonds-de-solidarite/<slug>/promesse/: a council's promise, never a payment."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import SiteSettings
from funds.models import Pledge
from tests.factories import CollectiviteFactory, FundPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund(tree):
    site_settings = SiteSettings.for_site(tree["home"].get_site())
    site_settings.contact_email = "fonds@cites-unies-france.org"
    site_settings.save()
    return FundPageFactory(parent=tree["funds"], title="Fonds Gaza", slug="gaza")


def good_data(**overrides):
    data = {
        "collectivite_name": "Ville de Grenoble",
        "contact_name": "Camille Martin",
        "email": "c.martin@grenoble.fr",
        "phone": "04 76 00 00 00",
        "amount": "15 000",
        "vote_date": "2026-02-12",
        "message": "Délibération n° 2026-014.",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def field_error(html, name):
    """The error text shown next to a field (linked by aria-describedby), or None."""
    match = re.search(rf'<p class="form-field__error" id="id_{name}_error">(.*?)</p>', html, re.S)
    return match.group(1).strip() if match else None


def test_good_pledge_is_saved_notifies_cuf_and_redirects_to_thanks(client, fund, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fonds-de-solidarite/gaza/promesse/", good_data())

    assert response.status_code == 302
    assert response["Location"] == "/fonds-de-solidarite/gaza/promesse/merci/"
    pledge = Pledge.objects.get()
    assert (pledge.fund, pledge.fund_title, pledge.amount) == (fund, "Fonds Gaza", Decimal("15000"))
    assert pledge.vote_date == datetime.date(2026, 2, 12) and pledge.status == "recue"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fonds@cites-unies-france.org"]
    assert message.subject == "Promesse de contribution : Ville de Grenoble – Fonds Gaza"
    assert "Montant promis : 15\u202f000\u00a0€" in message.body
    pledge.refresh_from_db()
    assert pledge.notified_at is not None
    thanks = client.get(response["Location"]).content.decode()
    assert "Merci pour votre promesse de contribution" in thanks


def test_choosing_the_collectivite_from_the_directory(client, fund, django_capture_on_commit_callbacks):
    lyon = CollectiviteFactory(name="Ville de Lyon")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fonds-de-solidarite/gaza/promesse/", good_data(collectivite=lyon.pk, collectivite_name=""))

    pledge = Pledge.objects.get()
    assert (pledge.collectivite, pledge.collectivite_name) == (lyon, "Ville de Lyon")


def test_missing_fields_get_french_messages_next_to_them_and_values_are_kept(client, fund):
    response = client.post(
        "/fonds-de-solidarite/gaza/promesse/",
        good_data(
            collectivite_name="", amount="quinze mille", vote_date="31/02/2026", consent="", email="pas-un-courriel"
        ),
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert field_error(html, "collectivite_name") == "Choisissez votre collectivité dans l’annuaire ou écrivez son nom."
    assert field_error(html, "amount") == "Indiquez un montant en euros, en chiffres (par exemple 5 000)."
    assert field_error(html, "vote_date") == "Indiquez une date valide, par exemple 15/03/2026."
    assert field_error(html, "email") == "Indiquez un courriel valide, par exemple nom@mairie.fr."
    assert field_error(html, "consent").startswith("Votre accord est nécessaire")
    assert 'aria-describedby="id_amount_error"' in html and 'aria-invalid="true"' in html
    assert 'value="Camille Martin"' in html and "Délibération n° 2026-014." in html
    assert "La promesse n’a pas été envoyée." in html
    assert not Pledge.objects.exists() and not mail.outbox


def test_amounts_out_of_bounds_are_refused(client, fund):
    for amount, message in [
        ("0", "Le montant doit être d’au moins 1 €."),
        ("20000000", "Ce montant dépasse 10 millions"),
    ]:
        html = client.post("/fonds-de-solidarite/gaza/promesse/", good_data(amount=amount)).content.decode()
        assert field_error(html, "amount").startswith(message)
    assert not Pledge.objects.exists()


def test_honeypot_is_thanked_but_nothing_is_saved_or_sent(client, fund, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fonds-de-solidarite/gaza/promesse/", good_data(site_web="http://spam.example"))

    assert response.status_code == 302
    assert not Pledge.objects.exists() and not mail.outbox


def test_closed_fund_takes_no_pledge(client, tree):
    FundPageFactory(parent=tree["funds"], slug="liban", status="clos")

    get = client.get("/fonds-de-solidarite/liban/promesse/").content.decode()
    post = client.post("/fonds-de-solidarite/liban/promesse/", good_data())

    assert "Ce fonds est clos" in get and "<form" not in get.split('class="site-search"')[1]
    assert post.status_code == 200 and not Pledge.objects.exists()


def test_the_form_page_is_never_cached(client, fund):
    response = client.get("/fonds-de-solidarite/gaza/promesse/")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


text = st.text(st.characters(codec="utf-8"), max_size=60)
field_values = {
    "collectivite": st.one_of(text, st.integers(-5, 10**20).map(str)),
    "collectivite_name": st.one_of(text, st.just("x" * 300)),
    "contact_name": st.one_of(text, st.just("y" * 200)),
    "email": st.one_of(text, st.emails().map(str)),
    "phone": text,
    "amount": st.one_of(
        text,
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.sampled_from(["1e400", "-0", "1,2,3", "١٢٣", "12 000,999", "NaN", "∞", "0x10", "9" * 40]),
    ),
    "vote_date": st.one_of(text, st.dates().map(str), st.sampled_from(["0000-00-00", "2026-13-01", "99/99/9999"])),
    "message": st.one_of(text, st.just("z" * 5000)),
    "consent": st.sampled_from(["", "on", "false", "0"]),
}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.fixed_dictionaries({}, optional=field_values))
def test_any_input_gives_a_french_form_or_a_valid_pledge_never_a_500(fund, data):
    before = Pledge.objects.count()
    response = Client(raise_request_exception=True).post("/fonds-de-solidarite/gaza/promesse/", data)

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Pledge.objects.count() == before  # nothing saved half-way
        html = response.content.decode()
        assert "La promesse n’a pas été envoyée." in html
        assert re.search(r'class="form-field__error"', html)
    else:
        pledge = Pledge.objects.order_by("-pk").first()
        assert Pledge.objects.count() == before + 1
        assert Decimal("1") <= pledge.amount <= Decimal("10000000")
        assert pledge.collectivite_name.strip() and pledge.contact_name.strip()


def make_user(username, group=None, **kwargs):
    user = User.objects.create_user(username, f"{username}@example.org", "motdepasse", is_staff=True, **kwargs)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_moderator_sees_pledges_in_the_admin_and_exports_them(client, fund, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fonds-de-solidarite/gaza/promesse/", good_data())
    moderator = Client()
    moderator.force_login(make_user("moderatrice", "Modérateurs"))

    listing = moderator.get("/admin/funds/pledge/")
    filtered = moderator.get("/admin/funds/pledge/", {"status": "recue"})
    export = moderator.get("/admin/funds/pledge/", {"export": "csv"})

    assert listing.status_code == 200
    assert "Ville de Grenoble" in listing.content.decode() and "Fonds Gaza" in listing.content.decode()
    assert "Ville de Grenoble" in filtered.content.decode()
    assert export.status_code == 200 and "Ville de Grenoble" in export.getvalue().decode()


def test_editor_does_not_see_pledges(fund):
    editor = Client()
    editor.force_login(make_user("redactrice", "Rédacteurs"))

    response = editor.get("/admin/funds/pledge/")

    assert response.status_code in (302, 403)
