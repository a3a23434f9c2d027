"""Build the whole demo site, in dependency order, inside one transaction."""

from django.db import transaction

from demo import assets
from demo.content import Terms, ensure_articles, ensure_events, ensure_resources
from demo.funds import ensure_funds_and_calls
from demo.groups import ensure_groups
from demo.navigation import ensure_navigation
from demo.newsletter import ensure_newsletter
from demo.pages import PageWriter
from demo.registrations import ensure_registrations
from demo.site import ensure_home, ensure_sections, ensure_settings
from demo.taxonomy import ensure_terms
from demo.users import ensure_users


def build(today=None):
    """Create or update everything; returns a dict of what was done (see the command's summary)."""
    writer = PageWriter()
    with transaction.atomic():
        images = assets.ensure_images()
        documents = assets.ensure_documents()
        audio = assets.ensure_audio()
        countries, themes = ensure_terms(images)
        terms = Terms(countries, themes)
        home, site = ensure_home(writer)
        indexes, _standard = ensure_sections(writer, home, images, documents)
        ensure_articles(writer, indexes["articles"], terms, images, documents)
        ensure_events(writer, indexes["events"], terms, images, documents, today=today)
        ensure_resources(writer, indexes["resources"], terms, images, documents, audio)
        ensure_newsletter(writer, home, themes)
        ensure_groups(writer, home, countries)  # creates the directory's collectivités
        registrations = ensure_registrations(indexes["events"])
        ensure_funds_and_calls(writer, home, terms, today=today)
        ensure_settings(site, images)
        ensure_navigation(site, home)
        users, password = ensure_users()
    return {
        "site": site,
        "pages_created": writer.created,
        "pages_updated": writer.updated,
        "registrations_created": registrations,
        "users": users,
        "generated_password": password,
    }
