"""Demo content of the newsletter: its index at /lettre/ and two past issues (idempotent, load_demo_content)."""

import datetime

from newsletter.models import NewsletterIndexPage, NewsletterIssuePage

INDEX = {
    "title": "La lettre de la coopération décentralisée",
    "intro": "Chaque mois, l’essentiel de l’action internationale des collectivités territoriales : actualités "
    "du réseau, rendez-vous, appels à projets et ressources. Gratuite, sans publicité, désinscription en un clic.",
}


def sections(theme=None):
    theme_id = theme.pk if theme else None
    return [
        {"type": "news", "value": {"title": "Actualités du réseau", "count": 4, "country": None, "theme": theme_id}},
        {"type": "events", "value": {"title": "Agenda", "count": 3, "country": None, "theme": None}},
        {"type": "calls", "value": {"title": "Appels à contributions", "count": 2, "country": None, "theme": None}},
        {"type": "resources", "value": {"title": "Centre de ressources", "count": 3, "country": None, "theme": None}},
    ]


def issues(themes):
    climate = themes.get("Climat et environnement")
    return [
        (
            "lettre-n-41",
            {
                "title": "Les collectivités face aux crises : solidarité et reconstruction",
                "number": 41,
                "date": datetime.date(2025, 10, 6),
                "editorial": "<p>Ce mois-ci, le réseau se mobilise pour les territoires touchés par les crises, du "
                "Liban à l’Ukraine, et prépare les prochaines Rencontres de l’action internationale des "
                "collectivités. Bonne lecture.</p>",
            },
            [*sections()],
            {"themes": []},
        ),
        (
            "lettre-n-42",
            {
                "title": "Climat : les collectivités en première ligne",
                "number": 42,
                "date": datetime.date(2025, 11, 3),
                "editorial": "<p>À l’approche de la COP, ce numéro fait le point sur les coopérations climatiques "
                "des collectivités françaises et de leurs partenaires.</p>",
            },
            [
                {
                    "type": "text",
                    "value": {
                        "title": "Le mot de la rédaction",
                        "text": "<p>Un numéro consacré au climat : adaptation, énergie, biodiversité.</p>",
                    },
                },
                *sections(climate),
            ],
            {"themes": [climate] if climate else []},
        ),
    ]


def ensure_newsletter(writer, home, themes):
    """The index under the home page and its two issues; `themes` maps names to Theme objects."""
    index = writer.upsert(home, NewsletterIndexPage, "lettre", INDEX)
    for slug, fields, content, m2m in issues(themes):
        writer.upsert(index, NewsletterIssuePage, slug, fields, streams={"content": content}, m2m=m2m)
    return index
