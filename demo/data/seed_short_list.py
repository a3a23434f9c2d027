"""The seed's short news list (kinds other than Actualité), the three latest articles of those kinds."""

import datetime

D = datetime.date

SEED_SHORT_LIST = [
    {
        "title": "Fonds de solidarité pour le Maroc — Point sur l’avancement des activités, janvier 2026",
        "date": D(2026, 1, 15),
        "kind": "publication",
        "countries": ["Maroc"],
        "themes": ["Fonds de solidarité"],
        "cover": None,
        "intro": "Deux ans après le séisme d’Al Haouz, Cités Unies France publie un point complet sur "
        "l’utilisation du fonds de solidarité pour le Maroc. Écoles reconstruites, pistes rouvertes, "
        "équipements communaux : le rapport détaille chaque projet financé par les collectivités françaises, "
        "son état d’avancement, les difficultés rencontrées et les prochaines étapes prévues.",
        "body": [
            (
                "p",
                "<p>Le fonds a reçu les contributions de plus de quarante collectivités. Les projets sont "
                "menés avec les communes rurales de la province d’Al Haouz.</p>",
            ),
            ("doc", "rapport-maroc", "Télécharger le rapport d’avancement (PDF)"),
            (
                "quote",
                "Les écoles rouvertes sont la meilleure réponse à la catastrophe.",
                "Un président de commune partenaire",
                "Province d’Al Haouz",
            ),
        ],
    },
    {
        "title": "Appel à contributions – Panorama de l’action internationale des collectivités d’Outre-mer "
        "Cités Unies France",
        "date": D(2026, 1, 20),
        "kind": "appel",
        "countries": [],
        "themes": [],
        "cover": None,
        "intro": "Cités Unies France prépare un panorama de l’action internationale des collectivités "
        "d’Outre-mer : coopération régionale dans la Caraïbe, l’océan Indien et le Pacifique, échanges "
        "culturels, gestion des risques. Régions, départements et communes ultramarins sont invités à "
        "décrire leurs projets en répondant à un court questionnaire en ligne d’ici la fin mars.",
        "body": [
            ("p", "<p>Le panorama sera publié au second semestre et présenté lors d’une rencontre dédiée.</p>"),
            (
                "cta",
                "Répondre au questionnaire",
                "Environ vingt minutes.",
                "Contribuer",
                "https://inscriptions.example.org/cuf/panorama-outre-mer",
            ),
        ],
    },
    {
        "title": "CUF : Chroniques géopolitiques : Saison 6 : 5e session d’échange : le 12 février 2026",
        "date": D(2026, 2, 5),
        "kind": "lettre",
        "countries": [],
        "themes": [],
        "cover": None,
        "place": "en visioconférence",
        "intro": "Les Chroniques géopolitiques de Cités Unies France reviennent pour une cinquième session de "
        "leur sixième saison. Un chercheur décrypte l’actualité internationale et ses conséquences pour les "
        "coopérations des collectivités, puis répond aux questions des participants. Cette séance portera "
        "sur l’Afrique de l’Ouest et le Sahel après les transitions politiques récentes.",
        "body": [
            (
                "p",
                "<p>Session réservée aux adhérents de Cités Unies France, en visioconférence, de 12 h 30 à 14 h.</p>",
            ),
            (
                "cta",
                "S’inscrire à la session",
                "",
                "Inscription",
                "https://inscriptions.example.org/cuf/chroniques-geopolitiques",
            ),
        ],
    },
]
