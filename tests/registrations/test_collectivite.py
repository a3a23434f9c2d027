"""The participant's local government is chosen in the directory (or written when it is not there):
what the visitor fills in and then reads in the email and on the management page, what moderators
list and export, bad keys, the query budget and the migration of the registrations made before."""

import csv
import importlib
import io
import json
import re

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import reset_queries
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registrations.choices import RegistrationStatus
from registrations.models import Registration
from tests.factories import CollectiviteFactory
from tests.registrations.conftest import register_data

pytestmark = pytest.mark.django_db

FORM = "/agenda/rencontres/inscription/"
NEITHER = "Choisissez votre collectivité dans l’annuaire ou écrivez le nom de votre organisation."
INVALID = "Sélectionnez une collectivité de la liste, ou écrivez le nom de votre organisation dans le champ suivant."
NUL = "Le caractère nul n’est pas autorisé."


@pytest.fixture
def lyon(db):
    return CollectiviteFactory(name="Ville de Lyon", slug="lyon")


def register(client, capture, **data):
    with capture(execute=True):
        return client.post(FORM, register_data(**data))


def manage_link(message):
    return re.search(r"https?://[^/\s]+(/agenda/rencontres/inscription/gerer/[^/\s]+/)", message.body).group(1)


def text(response):
    return response.content.decode()


def test_the_form_offers_the_directory_then_a_name_with_labels_and_help(client, open_event, lyon):
    page = text(client.get(FORM))
    assert '<label for="id_collectivite">Votre collectivité dans l’annuaire</label>' in page
    assert '<option value="" selected>— Choisir dans l’annuaire —</option>' in page
    assert f'<option value="{lyon.pk}">Ville de Lyon</option>' in page
    assert '<label for="id_organisation">Ou le nom de votre organisation, si elle n’y figure pas</label>' in page
    assert re.search(r'<select name="collectivite"[^>]*aria-describedby="id_collectivite_helptext"', page)
    assert re.search(r'<input type="text" name="organisation"[^>]*aria-describedby="id_organisation_helptext"', page)
    assert 'id="id_collectivite_helptext"' in page and 'id="id_organisation_helptext"' in page


def test_register_choosing_a_collectivite_in_the_directory(
    client, open_event, lyon, mailoutbox, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks, collectivite=str(lyon.pk), organisation="")
    assert response.status_code == 302 and response["Location"].endswith("/inscription/merci/")
    registration = Registration.objects.get()
    assert registration.collectivite == lyon
    assert registration.organisation == "Ville de Lyon"  # kept as text too, should the entry be deleted

    [message] = mailoutbox
    assert message.subject == "Inscription confirmée : Rencontres de la coopération"
    assert "Collectivité ou organisation : Ville de Lyon\n" in message.body
    assert "Demande d’inscription reçue" in text(client.get(response["Location"]))

    # The directory renames its entry: the participant's page shows the directory's name.
    lyon.name = "Lyon (Ville de)"
    lyon.save()
    link = manage_link(message)
    manage = text(client.get(link))
    assert "<dt>Collectivité ou organisation</dt>\n        <dd>Lyon (Ville de)</dd>" in manage
    data = json.loads(client.get(link + "donnees.json").content)
    assert data["collectivite_de_l_annuaire"] == "Lyon (Ville de)"
    assert data["collectivite_ou_organisation"] == "Ville de Lyon"


def test_the_directory_choice_wins_over_a_name_also_written(client, open_event, lyon):
    client.post(FORM, register_data(collectivite=str(lyon.pk), organisation="Mairie, service international"))
    registration = Registration.objects.get()
    assert (registration.collectivite, registration.organisation) == (lyon, "Ville de Lyon")


def test_register_with_the_name_of_an_organisation_not_in_the_directory(
    client, open_event, lyon, mailoutbox, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks, collectivite="", organisation="  Réseau   Afrique ")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.collectivite is None and registration.organisation == "Réseau Afrique"
    [message] = mailoutbox
    assert "Collectivité ou organisation : Réseau Afrique\n" in message.body
    assert "<dd>Réseau Afrique</dd>" in text(client.get(manage_link(message)))
    assert json.loads(client.get(manage_link(message) + "donnees.json").content)["collectivite_de_l_annuaire"] is None


def test_neither_a_choice_nor_a_name_is_a_french_error_linked_to_the_field(client, open_event, lyon, mailoutbox):
    response = client.post(FORM, register_data(collectivite="", organisation="   "))
    page = text(response)
    assert response.status_code == 400
    assert "Le formulaire n’a pas été envoyé." in page
    assert f'<p class="form-field__error" id="id_collectivite-erreur">{NEITHER}</p>' in page
    select = re.search(r'<select name="collectivite"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in select
    assert 'aria-describedby="id_collectivite_helptext id_collectivite-erreur"' in select
    assert 'value="Awa Diop"' in page  # the other values are kept
    assert Registration.objects.count() == 0 and mailoutbox == []


def test_a_chosen_collectivite_stays_selected_when_another_field_is_wrong(client, open_event, lyon):
    page = text(client.post(FORM, register_data(collectivite=str(lyon.pk), email="")))
    assert f'<option value="{lyon.pk}" selected>Ville de Lyon</option>' in page
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "value",
    ["abc", "1.5", "1e3", "-1", "0", " ", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
     str(2**64), "9" * 5000, "<x-fuzz>"],
)  # fmt: skip
def test_a_bad_key_is_a_french_error_never_a_500(client, open_event, lyon, value):
    response = client.post(FORM, register_data(collectivite=value, organisation=""))
    assert response.status_code == 400
    assert INVALID in text(response)
    assert "<x-fuzz>" not in text(response)
    assert Registration.objects.count() == 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.one_of(
        st.integers().map(str),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    )
)
def test_any_posted_key_is_answered_cleanly(client, open_event, lyon, value):
    cache.clear()  # no rate limit across examples
    before = Registration.objects.count()
    response = client.post(FORM, register_data(collectivite=value, organisation=""))
    assert response.status_code < 500
    if response.status_code == 302:  # the key of the directory's one entry, as Python reads an integer
        assert int(value) == lyon.pk
        assert Registration.objects.filter(collectivite=lyon).exists()
    else:
        assert response.status_code == 400
        assert Registration.objects.count() == before
        page = text(response)
        assert INVALID in page or NUL in page or (value == "" and NEITHER in page)


def test_the_form_costs_the_same_queries_for_three_or_thirty_collectivites(
    client, open_event, django_assert_max_num_queries
):
    def count():
        client.get(FORM)
        reset_queries()
        with django_assert_max_num_queries(20) as captured:
            assert client.get(FORM).status_code == 200
        return len(captured)

    for n in range(3):
        CollectiviteFactory(name=f"Commune {n:02d}", slug=f"commune-{n}")
    few = count()
    for n in range(3, 30):
        CollectiviteFactory(name=f"Commune {n:02d}", slug=f"commune-{n}")
    assert count() == few
    assert text(client.get(FORM)).count('<option value="') == 31  # the empty choice and thirty entries


def test_moderators_see_and_export_the_directory_name(clients, open_event, lyon):
    client = clients["anonyme"]
    client.post(FORM, register_data(email="lyon@example.org", collectivite=str(lyon.pk), organisation=""))
    client.post(FORM, register_data(email="reseau@example.org", collectivite="", organisation="Réseau Afrique"))
    lyon.name = "Lyon (Ville de)"
    lyon.save()
    moderator = clients["moderateur"]
    url = "/admin/registrations/registration/"

    listing = text(moderator.get(url))
    assert "Lyon (Ville de)" in listing and "Réseau Afrique" in listing
    assert "Lyon (Ville de)" in text(moderator.get(url, {"q": "Lyon (Ville"}))

    export = moderator.get(url, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    by_email = {row["Adresse Électronique"]: row for row in rows}
    assert len(rows) == 2
    assert by_email["lyon@example.org"]["Collectivité Ou Organisation"] == "Lyon (Ville de)"
    assert by_email["lyon@example.org"]["Dans L’Annuaire"] == "oui"
    assert by_email["reseau@example.org"]["Collectivité Ou Organisation"] == "Réseau Afrique"
    assert by_email["reseau@example.org"]["Dans L’Annuaire"] == "non"


def test_deleting_a_directory_entry_keeps_the_registration_and_its_name(client, open_event, lyon):
    client.post(FORM, register_data(collectivite=str(lyon.pk), organisation=""))
    lyon.delete()
    registration = Registration.objects.get()
    assert registration.collectivite is None and registration.organisation_name == "Ville de Lyon"


def test_the_migration_links_registrations_whose_text_is_exactly_a_directory_name(open_event, lyon):
    migration = importlib.import_module("registrations.migrations.0004_link_collectivites")
    for email, organisation in [("a@example.org", "Ville de Lyon"), ("b@example.org", "ville de lyon"),
                                ("c@example.org", "Réseau Afrique")]:  # fmt: skip
        Registration.objects.create(event=open_event, status=RegistrationStatus.CONFIRMED, email=email, name="P",
                                    organisation=organisation, consent=True)  # fmt: skip
    migration.link_exact_names(apps, None)
    linked = dict(Registration.objects.values_list("email", "collectivite"))
    assert linked == {"a@example.org": lyon.pk, "b@example.org": None, "c@example.org": None}
    texts = set(Registration.objects.values_list("organisation", flat=True))
    assert texts == {"Ville de Lyon", "ville de lyon", "Réseau Afrique"}
