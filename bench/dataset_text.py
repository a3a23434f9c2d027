"""Words the generated dataset is made of: French titles, intros and bodies, extra countries and themes."""

import random

EXTRA_COUNTRIES = [
    ("Algérie", "mediterranee"),
    ("Argentine", "ameriques"),
    ("Bénin", "afrique"),
    ("Bolivie", "ameriques"),
    ("Brésil", "ameriques"),
    ("Cambodge", "asie"),
    ("Cameroun", "afrique"),
    ("Canada", "ameriques"),
    ("Chili", "ameriques"),
    ("Chine", "asie"),
    ("Colombie", "ameriques"),
    ("Comores", "afrique"),
    ("Côte d’Ivoire", "afrique"),
    ("Égypte", "mediterranee"),
    ("Éthiopie", "afrique"),
    ("Gabon", "afrique"),
    ("Géorgie", "europe"),
    ("Ghana", "afrique"),
    ("Guinée", "afrique"),
    ("Inde", "asie"),
    ("Indonésie", "asie"),
    ("Irak", "moyen-orient"),
    ("Jordanie", "moyen-orient"),
    ("Kenya", "afrique"),
    ("Laos", "asie"),
    ("Madagascar", "afrique"),
    ("Mexique", "ameriques"),
    ("Moldavie", "europe"),
    ("Mongolie", "asie"),
    ("Mozambique", "afrique"),
    ("Nicaragua", "ameriques"),
    ("Niger", "afrique"),
    ("Pérou", "ameriques"),
    ("Philippines", "asie"),
    ("Pologne", "europe"),
    ("Québec", "ameriques"),
    ("Roumanie", "europe"),
    ("Rwanda", "afrique"),
    ("Sénégal", "afrique"),
    ("Serbie", "europe"),
    ("Tchad", "afrique"),
    ("Togo", "afrique"),
    ("Tunisie", "mediterranee"),
    ("Vanuatu", "oceanie"),
    ("Vietnam", "asie"),
    ("Burkina Faso", "afrique"),
    ("Mali", "afrique"),
    ("Haïti", "ameriques"),
    ("Tanzanie", "afrique"),
    ("Ouganda", "afrique"),
    ("Népal", "asie"),
    ("Sri Lanka", "asie"),
    ("Ukraine", "europe"),
    ("Albanie", "europe"),
]

EXTRA_THEMES = [
    "Eau et assainissement",
    "Jeunesse et mobilité",
    "Culture et patrimoine",
    "Santé",
    "Égalité femmes-hommes",
    "Gouvernance locale",
    "Tourisme responsable",
    "Numérique",
    "Éducation",
    "Sport",
    "Gestion des déchets",
    "Énergie",
    "Mobilités urbaines",
    "Migrations",
    "Économie sociale et solidaire",
]

SUBJECTS = [
    "La coopération décentralisée",
    "Le réseau des collectivités",
    "Une délégation d’élus",
    "Le groupe-pays",
    "La commission Europe",
    "Le fonds de solidarité",
    "Une mission d’expertise",
    "Le programme de coopération",
    "Les collectivités partenaires",
    "L’assemblée générale",
    "Un appel à projets",
    "Le comité de pilotage",
]
VERBS = [
    "renforce",
    "prépare",
    "lance",
    "accompagne",
    "présente",
    "soutient",
    "réunit",
    "célèbre",
    "évalue",
    "ouvre",
    "publie",
    "engage",
]
OBJECTS = [
    "la coopération sur l’eau potable",
    "un partenariat de jeunesse",
    "les échanges culturels",
    "la reconstruction des écoles",
    "la gestion des déchets",
    "la formation des agents municipaux",
    "un projet de coopération agricole",
    "la résilience face aux crises",
    "la coopération économique",
    "les assises de la coopération",
    "un programme de mobilité",
    "la transition énergétique",
]
PLACES = ["à Paris", "à Lyon", "à Strasbourg", "à Bordeaux", "à Lille", "à Nantes", "en visioconférence", ""]
SENTENCES = [
    "Les collectivités françaises et leurs partenaires ont échangé sur leurs priorités pour les années à venir.",
    "Cette initiative s’inscrit dans la coopération décentralisée que le réseau anime depuis plus de cinquante ans.",
    "Les élus ont rappelé l’importance de la solidarité entre territoires dans un contexte international difficile.",
    "Un comité de suivi réunira les partenaires tous les six mois pour évaluer l’avancement du programme.",
    "Les services techniques des deux villes travaillent ensemble sur des solutions adaptées aux besoins locaux.",
    "Le financement associe le ministère, les collectivités et plusieurs fonds européens.",
    "Les jeunes volontaires participeront à des chantiers d’été et à des échanges scolaires.",
    "Cités Unies France accompagne les collectivités dans le montage et le suivi de leurs projets.",
    "La rencontre a permis de partager les bonnes pratiques et d’identifier de nouveaux partenariats.",
    "Les actes de la journée seront publiés dans le centre de ressources.",
]


def title(rng: random.Random, number: int) -> str:
    """A plausible headline, unique thanks to its number."""
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({number})"


def intro(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, 3))


def paragraph(rng: random.Random) -> str:
    return "<p>" + " ".join(rng.sample(SENTENCES, 4)) + "</p>"


def body(rng: random.Random, images) -> list:
    """Raw BodyStreamBlock data: headings, paragraphs, sometimes an image or a quote."""
    blocks = [
        {"type": "heading", "value": {"text": "Le contexte", "level": "h2"}},
        {"type": "paragraph", "value": paragraph(rng)},
        {"type": "paragraph", "value": paragraph(rng)},
    ]
    if images and rng.random() < 0.2:
        image = rng.choice(images)
        blocks.append({"type": "image", "value": {"image": image.pk, "caption": image.title, "credit": image.credit}})
    if rng.random() < 0.3:
        blocks.append(
            {
                "type": "quote",
                "value": {"quote": rng.choice(SENTENCES), "author": "Une élue du réseau", "role": "Maire adjointe"},
            }
        )
    blocks += [
        {"type": "heading", "value": {"text": "Et ensuite ?", "level": "h2"}},
        {"type": "paragraph", "value": paragraph(rng)},
    ]
    return blocks
