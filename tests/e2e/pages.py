"""The public page types the browser suite visits. Add a page type here and every check covers it.

A page type is either a fixed path, or the first link matching a CSS selector on a listing (so the
suite follows the demo content instead of hard-coding its slugs), or an optional path that only
counts once the site answers it with 200 (hubs and search, built by another issue).
"""

import sqlite3
import urllib.error
import urllib.request

FIXED = {
    "accueil": "/",
    "actualites": "/actualites/",
    "agenda": "/agenda/",
    "agenda-passes": "/agenda/passes/",
    "centre-de-ressources": "/centre-de-ressources/",
    "page-standard": "/declaration-d-accessibilite/",
    "lettre": "/lettre/",
    "lettre-archives": "/lettre/archives/",
    "groupes-pays": "/groupes-pays/",
    "collectivites": "/collectivites/",
    "fonds-de-solidarite": "/fonds-de-solidarite/",
    "appels": "/appels/",
    "appels-clos": "/appels/?statut=clos",
}

# page type: (listing path, selector of the link to follow)
FOLLOWED = {
    "article": ("/actualites/", ".card__title a"),
    "evenement": ("/agenda/", ".event-item__title a"),
    "ressource-texte": ("/centre-de-ressources/?type=texte", ".card__title a"),
    "ressource-photo": ("/centre-de-ressources/?type=photo", ".card__title a"),
    "ressource-son": ("/centre-de-ressources/?type=son", ".card__title a"),
    "ressource-video": ("/centre-de-ressources/?type=video", ".card__title a"),
    "lettre-numero": ("/lettre/archives/", ".issue-list__item a"),
    "groupe-pays": ("/groupes-pays/", ".group-item__title a"),
    "collectivite": ("/collectivites/", ".directory-item__title a"),
    "fonds": ("/fonds-de-solidarite/", ".fund-item__title a"),
    "appel": ("/appels/", ".call-item__title a"),
}

# page type: function (sqlite connection to the demo database) -> path; kept when it answers 200.
OPTIONAL = {
    "hub-pays": lambda db: "/pays/{}/".format(_first(db, "SELECT slug FROM taxonomy_country ORDER BY name")),
    "hub-thematique": lambda db: "/thematiques/{}/".format(_first(db, "SELECT slug FROM taxonomy_theme ORDER BY name")),
    "promesse": lambda db: "/fonds-de-solidarite/{}/promesse/".format(
        _first(
            db,
            "SELECT p.slug FROM wagtailcore_page p JOIN funds_fundpage f ON f.page_ptr_id = p.id"
            " WHERE p.live AND f.status = 'ouvert' ORDER BY p.path",
        )
    ),
    "recherche": lambda db: "/recherche/?q=coop%C3%A9ration",
    "recherche-sans-resultat": lambda db: "/recherche/?q=zzyzxqwv",
}

# Answers 404 on purpose: the "page introuvable" page.
NOT_FOUND = {"404": "/cette-page-n-existe-pas/"}
# Answers 403 on purpose: a members-only area, as an anonymous visitor sees it (the French explanation).
FORBIDDEN = {"espace-reserve": "/groupes-pays/armenie/espace-adherents/"}
EXPECTED_STATUS = {"404": 404, "espace-reserve": 403}

PAGE_TYPES = [*FIXED, *FOLLOWED, *OPTIONAL, *NOT_FOUND, *FORBIDDEN]


def _first(db, sql):
    row = db.execute(sql).fetchone()
    return row[0] if row else "inexistant"


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def discover(page, base_url, db_path):
    """Map every page type to its path; optional page types the site does not serve map to None."""

    def first_link(listing, selector):
        page.goto(listing)
        return page.locator(selector).first.get_attribute("href")

    return discover_with(first_link, base_url, db_path)


def discover_with(first_link, base_url, db_path):
    """discover() with any way of reading `first_link(listing path, CSS selector) -> href` (a browser page,
    or an HTML parser: tools/validators/run.py)."""
    urls = dict(FIXED)
    for name, (listing, selector) in FOLLOWED.items():
        urls[name] = first_link(listing, selector)
    with sqlite3.connect(db_path) as db:
        for name, build in OPTIONAL.items():
            path = build(db)
            urls[name] = path if _status(base_url + path) == 200 else None
    urls.update(NOT_FOUND)
    urls.update(FORBIDDEN)
    return urls
