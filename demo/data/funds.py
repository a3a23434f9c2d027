"""Demo solidarity funds and calls. Figures from CUF's public news (Gaza 265 700 €, Ukraine 395 000 €,
Haïti 140 000 €); every text is ours. Amounts are in euros."""

import datetime
from decimal import Decimal as D

INDEXES = {
    "funds": (
        "Fonds de solidarité",
        "fonds-de-solidarite",
        "Après une crise, Cités Unies France ouvre un fonds où les collectivités françaises mettent en commun "
        "leurs contributions ; un comité des donateurs choisit les projets et rend compte de chaque euro.",
    ),
    "calls": (
        "Appels",
        "appels",
        "Appels à projets, à contributions et à candidatures qui concernent l’action internationale des "
        "collectivités : dates limites, conditions et documents.",
    ),
}

# Each fund: title, slug, country, themes, status, opening, closing, target, collected, figure date, intro,
# context paragraphs, contributions [(collectivité slug, amount, show amount, vote date)],
# decisions [(date, text)], projects [(name, partner, allocated, spent, status)].
FUNDS = [
    {
        "title": "Fonds de solidarité Gaza",
        "slug": "gaza",
        "country": "Palestine",
        "status": "ouvert",
        "opening": datetime.date(2023, 11, 6),
        "target": D("300000"),
        "collected": D("265700"),
        "collected_on": datetime.date(2025, 10, 15),
        "intro": "Eau, abris et soins : les collectivités françaises soutiennent les municipalités de Gaza.",
        "context": [
            "Les destructions ont privé des centaines de milliers d’habitants d’eau potable et de services de base. "
            "Les municipalités palestiniennes restent les premiers interlocuteurs des habitants.",
            "Le fonds réunit les contributions votées par les conseils et les confie à des partenaires présents sur "
            "place, choisis par le comité des donateurs.",
        ],
        "contributions": [
            ("paris", D("100000"), True, datetime.date(2023, 12, 12)),
            ("grenoble", D("30000"), True, datetime.date(2024, 1, 29)),
            ("seine-saint-denis", D("50000"), False, datetime.date(2024, 2, 8)),
            ("alfortville", D("5000"), True, datetime.date(2024, 3, 14)),
        ],
        "decisions": [
            (datetime.date(2024, 3, 20), "Le comité retient l’accès à l’eau et les abris d’urgence comme priorités."),
            (datetime.date(2025, 2, 11), "Deuxième tranche : réparation de puits et unités de dessalement mobiles."),
        ],
        "projects": [
            (
                "Distribution d’eau potable à Rafah et Khan Younès",
                "Palestinian Hydrology Group",
                D("120000"),
                D("120000"),
                "termine",
            ),
            ("Unités mobiles de dessalement", "Union des municipalités", D("80000"), D("35000"), "en-cours"),
        ],
    },
    {
        "title": "Fonds de solidarité Ukraine",
        "slug": "ukraine",
        "country": "Ukraine",
        "status": "ouvert",
        "opening": datetime.date(2022, 3, 1),
        "target": D("500000"),
        "collected": D("395000"),
        "collected_on": datetime.date(2025, 9, 30),
        "intro": "Reconstruire les services publics locaux des villes ukrainiennes partenaires.",
        "context": [
            "Depuis 2022, les collectivités françaises accueillent, équipent et accompagnent leurs partenaires "
            "ukrainiens. Le fonds finance des équipements que les villes choisissent elles-mêmes.",
        ],
        "contributions": [
            ("lyon", D("80000"), True, datetime.date(2022, 3, 28)),
            ("region-ile-de-france", D("150000"), True, datetime.date(2022, 4, 7)),
            ("strasbourg", D("40000"), False, datetime.date(2022, 5, 16)),
            ("dijon", D("20000"), True, datetime.date(2022, 6, 27)),
        ],
        "decisions": [
            (datetime.date(2022, 6, 2), "Générateurs et matériel de chauffage pour l’hiver dans quatre villes."),
        ],
        "projects": [
            ("Générateurs pour les hôpitaux municipaux", "Ville de Boutcha", D("150000"), D("150000"), "termine"),
            ("Réparation d’écoles", "Ville de Tchernihiv", D("120000"), D("60000"), "en-cours"),
        ],
    },
    {
        "title": "Fonds de solidarité Haïti",
        "slug": "haiti",
        "country": "Haïti",
        "status": "ouvert",
        "opening": datetime.date(2021, 8, 20),
        "target": None,
        "collected": D("140000"),
        "collected_on": datetime.date(2025, 6, 30),
        "intro": "Après le séisme du Sud, reconstruire des écoles et des marchés avec les communes haïtiennes.",
        "context": ["Les communes du Sud d’Haïti ont choisi de reconstruire d’abord les écoles et les marchés."],
        "contributions": [
            ("nantes", D("25000"), True, datetime.date(2021, 9, 27)),
            ("rennes", D("15000"), False, None),
        ],
        "decisions": [(datetime.date(2022, 1, 18), "Deux écoles et un marché communal à reconstruire.")],
        "projects": [("École communale de Camp-Perrin", "Mairie de Camp-Perrin", D("70000"), D("52000"), "en-cours")],
    },
    {
        "title": "Fonds de solidarité Maroc – séisme d’Al Haouz",
        "slug": "maroc-al-haouz",
        "country": "Maroc",
        "status": "ouvert",
        "opening": datetime.date(2023, 9, 12),
        "closing": datetime.date(2026, 12, 31),
        "target": D("250000"),
        "collected": D("182000"),
        "collected_on": datetime.date(2025, 11, 4),
        "intro": "Après le séisme du 8 septembre 2023, aider les communes rurales du Haut Atlas à se reconstruire.",
        "context": ["Les communes de la province d’Al Haouz reconstruisent écoles, pistes et réseaux d’eau."],
        "contributions": [
            ("montpellier", D("30000"), True, datetime.date(2023, 10, 2)),
            ("bordeaux", D("20000"), True, None),
        ],
        "decisions": [(datetime.date(2024, 1, 25), "Priorité aux réseaux d’eau des douars isolés.")],
        "projects": [("Adduction d’eau de trois douars", "Commune d’Ighil", D("90000"), D("30000"), "en-cours")],
    },
    {
        "title": "Fonds de solidarité Madagascar – cyclone Gezani",
        "slug": "madagascar-gezani",
        "country": "Madagascar",
        "status": "ouvert",
        "opening": datetime.date(2026, 2, 20),
        "target": D("150000"),
        "collected": D("38500"),
        "collected_on": datetime.date(2026, 4, 1),
        "intro": "Le cyclone Gezani a dévasté la côte est : les communes partenaires relogent et rouvrent les écoles.",
        "context": ["Les premières contributions financent des toitures d’écoles et des kits d’hygiène."],
        "contributions": [("saint-denis-la-reunion", D("20000"), True, datetime.date(2026, 3, 5))],
        "decisions": [],
        "projects": [("Toitures d’écoles à Toamasina", "Commune urbaine de Toamasina", D("25000"), D("0"), "etude")],
    },
    {
        "title": "Fonds de solidarité Liban",
        "slug": "liban",
        "country": "Liban",
        "status": "clos",
        "opening": datetime.date(2020, 8, 10),
        "closing": datetime.date(2022, 12, 31),
        "target": D("400000"),
        "collected": D("412000"),
        "collected_on": datetime.date(2022, 12, 31),
        "intro": "Après l’explosion du port de Beyrouth, le fonds a soutenu les municipalités libanaises.",
        "context": ["Le fonds est clos ; son bilan reste consultable pour les conseils qui y ont contribué."],
        "contributions": [
            ("marseille", D("100000"), True, datetime.date(2020, 9, 21)),
            ("lille", D("30000"), True, None),
        ],
        "decisions": [(datetime.date(2020, 11, 5), "Réhabilitation d’équipements municipaux à Beyrouth.")],
        "projects": [
            (
                "Réhabilitation de centres sociaux municipaux",
                "Municipalité de Beyrouth",
                D("400000"),
                D("400000"),
                "termine",
            )
        ],
    },
]

FUND_THEMES = ["Fonds de solidarité", "Crises et réhabilitation"]


def calls(today):
    """Calls from the seed (closed) and two relative to `today`: one open, one closing soon."""
    return [
        {
            "title": "Appel à contributions – Panorama de l’action internationale des collectivités d’Outre-mer",
            "slug": "panorama-outre-mer",
            "kind": "contributions",
            "funder": "Cités Unies France",
            "audience": "Collectivités d’Outre-mer",
            "opening": datetime.date(2025, 1, 15),
            "deadline": (datetime.date(2025, 3, 31), 18),
            "amount": "",
            "countries": [],
            "themes": ["Europe"],
            "intro": "Faites connaître vos coopérations : le panorama recense les actions internationales des "
            "collectivités ultramarines.",
        },
        {
            "title": "Sites & Cités remarquables : semaine de formation internationale – appel à candidatures",
            "slug": "sites-et-cites-formation",
            "kind": "candidatures",
            "funder": "Sites & Cités remarquables de France",
            "audience": "Élus et techniciens des villes patrimoniales partenaires",
            "opening": datetime.date(2025, 4, 1),
            "deadline": (datetime.date(2025, 5, 30), 12),
            "amount": "Frais de séjour pris en charge",
            "countries": [],
            "themes": ["Patrimoine matériel et immatériel"],
            "intro": "Une semaine de formation sur la nature en centre ancien, ouverte aux partenaires étrangers.",
        },
        {
            "title": "Appel à projets – Eau et assainissement dans les villes partenaires",
            "slug": "eau-assainissement",
            "kind": "projets",
            "funder": "Ministère de l’Europe et des Affaires étrangères",
            "audience": "Collectivités françaises et leurs partenaires",
            "opening": today - datetime.timedelta(days=20),
            "deadline": (today + datetime.timedelta(days=45), 12),
            "amount": "Jusqu’à 50 000 € par projet",
            "countries": ["Sénégal", "Maroc"],
            "themes": ["Eau et assainissement"],
            "intro": "Cofinancer des projets d’accès à l’eau portés par des collectivités et leurs partenaires.",
        },
        {
            "title": "Appel à projets – Jeunesse et volontariat international",
            "slug": "jeunesse-volontariat",
            "kind": "projets",
            "funder": "Agence du service civique",
            "audience": "Collectivités accueillant des volontaires",
            "opening": today - datetime.timedelta(days=40),
            "deadline": (today + datetime.timedelta(days=6), 17),
            "amount": "10 000 € maximum",
            "countries": ["Japon"],
            "themes": ["Jeunesse et éducation"],
            "intro": "Accueillir et envoyer des jeunes volontaires dans le cadre d’un partenariat de collectivités.",
        },
    ]


ELIGIBILITY = (
    "<p>Peuvent répondre :</p><ul><li>les collectivités territoriales françaises et leurs groupements ;</li>"
    "<li>avec au moins un partenaire local à l’étranger.</li></ul>"
)
