"""Articles, events and resources of the demo, created or updated under their index pages."""

import datetime

from django.utils import timezone

from articles.models import ArticlePage
from demo.data.events import PAST_EVENTS, SEED_EVENTS, UPCOMING_EVENTS
from demo.data.more_articles import CLOSINGS, MORE_ARTICLES, NEXT_STEPS
from demo.data.resources import CUF_CREDIT, RESOURCES
from demo.data.seed_articles import CUF, SEED_ARTICLES
from demo.data.seed_short_list import SEED_SHORT_LIST
from demo.pages import make_slug
from demo.streams import body_raw
from events.models import EventPage, day_bounds
from resources.models import ResourcePage

FORMAT_TEXTS = {
    "presentiel": "La rencontre a lieu en présentiel ; l’adresse exacte est rappelée dans le courriel de confirmation.",
    "en-ligne": "La séance se tient en visioconférence ; le lien de connexion est envoyé aux inscrits la veille.",
    "hybride": "Vous pouvez participer sur place ou à distance : précisez votre choix lors de l’inscription.",
}

DEFAULT_CONTEXT = "Cités Unies France anime le réseau des collectivités françaises engagées à l’international."


class Terms:
    """Look up countries and themes by name, failing loudly on a typo in the data."""

    def __init__(self, countries, themes):
        self.countries, self.themes = countries, themes

    def m2m(self, spec):
        return {
            "countries": [self.countries[name] for name in spec.get("countries", [])],
            "themes": [self.themes[name] for name in spec.get("themes", [])],
        }


def _more_article_specs(themes):
    for date, kind, title, countries, theme_names, cover, place, lead, detail in MORE_ARTICLES:
        context = themes[theme_names[0]].description if theme_names else DEFAULT_CONTEXT
        body = [
            ("h", "Le contexte"),
            (
                "p",
                f"<p>{context} Les collectivités intéressées peuvent rejoindre les groupes de travail du "
                "réseau et bénéficier de son accompagnement.</p>",
            ),
        ]
        if cover:
            body.append(("img", cover, title))
        body += [
            ("h", "Et ensuite ?"),
            ("p", f"<p>{NEXT_STEPS[kind]}</p>"),
            ("cta", "Une question ?", "L’équipe de Cités Unies France vous répond.", "Nous écrire", CUF),
        ]
        yield {
            "title": title,
            "date": date,
            "kind": kind,
            "countries": countries,
            "themes": theme_names,
            "cover": cover,
            "place": place,
            "intro": f"{lead} {detail} {CLOSINGS[kind]}",
            "body": body,
        }


def ensure_articles(writer, index, terms, images, documents):
    specs = [*SEED_ARTICLES, *SEED_SHORT_LIST, *_more_article_specs(terms.themes)]
    _check_unique_slugs(specs)
    for spec in specs:
        fields = {
            "title": spec["title"],
            "date": spec["date"],
            "kind": spec["kind"],
            "place": spec.get("place", ""),
            "intro": spec["intro"],
            "cover": images[spec["cover"]] if spec["cover"] else None,
        }
        writer.upsert(
            index,
            ArticlePage,
            make_slug(spec["title"]),
            fields,
            streams={"body": body_raw(spec["body"], images, documents)},
            m2m=terms.m2m(spec),
        )
    return len(specs)


def event_bounds(spec, today):
    """Aware (start, end): fixed dates stay, integer days are offsets from `today` (Europe/Paris)."""
    day = spec["day"] if isinstance(spec["day"], datetime.date) else today + datetime.timedelta(days=spec["day"])
    if spec["time"] is None:
        last_day = day + datetime.timedelta(days=spec.get("days", 1) - 1)
        return day_bounds(day)[0], day_bounds(last_day)[1]
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(*spec["time"])))
    return start, start + datetime.timedelta(hours=spec["hours"])


def _event_body(spec, registration_url):
    body = [
        ("h", "Programme"),
        (
            "p",
            "<p>Accueil des participants, présentation des enjeux par l’équipe de Cités Unies France, "
            "témoignages de collectivités puis temps d’échange avec la salle.</p>",
        ),
        ("h", "Informations pratiques"),
        ("p", f"<p>{FORMAT_TEXTS[spec['format']]}</p>"),
    ]
    if registration_url:
        body.append(
            ("cta", "Inscription", "Gratuit pour les collectivités adhérentes.", "S’inscrire", registration_url)
        )
    return body


def ensure_events(writer, index, terms, images, documents, today=None):
    today = today or timezone.localdate()
    specs = [*SEED_EVENTS, *UPCOMING_EVENTS, *PAST_EVENTS]
    _check_unique_slugs(specs)
    for spec in specs:
        slug = make_slug(spec["title"])
        start, end = event_bounds(spec, today)
        registration_url = f"https://inscriptions.example.org/cuf/{slug}" if spec.get("register") else ""
        fields = {
            "title": spec["title"],
            "start": start,
            "end": end,
            "all_day": spec["time"] is None,
            "format": spec["format"],
            "venue": spec.get("venue", ""),
            "city": spec.get("city", ""),
            "online_url": f"https://visio.example.org/cuf-{slug}" if spec.get("online") else "",
            "registration_url": registration_url,
            "registration_deadline": timezone.localdate(start) - datetime.timedelta(days=2)
            if registration_url
            else None,
            "status": spec.get("status", "prevu"),
            "intro": spec["intro"],
            "cover": images[spec["cover"]] if spec.get("cover") else None,
        }
        writer.upsert(
            index,
            EventPage,
            slug,
            fields,
            streams={"body": body_raw(_event_body(spec, registration_url), images, documents)},
            m2m=terms.m2m(spec),
        )
    return len(specs)


def _resource_fields(spec, documents, audio):
    kind = spec["kind"]
    fields = {
        "title": spec["title"],
        "kind": kind,
        "date": spec["date"],
        "intro": spec["intro"],
        "credits": CUF_CREDIT,
        "transcript": spec.get("transcript", ""),
        "document": None,
        "media": None,
        "embed_url": "",
        "duration": None,
    }
    if kind == "texte":
        fields["document"] = documents[spec["document"]]
    elif kind == "son":
        fields["media"] = audio[spec["title"]]
        fields["duration"] = datetime.timedelta(seconds=spec["seconds"])
    elif kind == "video":
        fields["embed_url"] = spec["embed"]
        minutes, seconds = spec["minutes"]
        fields["duration"] = datetime.timedelta(minutes=minutes, seconds=seconds)
    return fields


def ensure_resources(writer, centre, terms, images, documents, audio):
    _check_unique_slugs(RESOURCES)
    for spec in RESOURCES:
        gallery = [(images[key], images[key].title) for key in spec.get("gallery", [])]
        body = [
            (
                "p",
                f"<p>{spec['intro']} Ressource proposée par le centre de ressources de Cités Unies "
                "France ; réutilisation libre avec mention de la source.</p>",
            )
        ]
        writer.upsert(
            centre,
            ResourcePage,
            make_slug(spec["title"]),
            _resource_fields(spec, documents, audio),
            streams={"body": body_raw(body, images, documents)},
            m2m=terms.m2m(spec),
            gallery=gallery if spec["kind"] == "photo" else None,
        )
    return len(RESOURCES)


def _check_unique_slugs(specs):
    slugs = [make_slug(spec["title"]) for spec in specs]
    duplicates = {slug for slug in slugs if slugs.count(slug) > 1}
    if duplicates:
        raise ValueError(f"Identifiants d’URL en double dans les données de démonstration : {sorted(duplicates)}")
