"""Resource-centre entries of the four kinds.

texte: a generated PDF (data.documents key); photo: a gallery of generated images;
son: a short generated WAV stored as a CufMedia (the duration is the file's real one);
vidéo: an embed URL. The video URLs are public films of the Blender Foundation, used
as stand-ins until the real CUF videos are chosen by the communication team.
"""

import datetime

D = datetime.date

CUF_CREDIT = "Cités Unies France"

RESOURCES = [
    # Texte
    {
        "kind": "texte",
        "title": "Guide : créer un jumelage en dix étapes",
        "date": D(2025, 3, 3),
        "document": "guide-jumelage",
        "countries": ["Allemagne", "Pologne"],
        "themes": ["Europe"],
        "intro": "Un guide pas à pas pour les communes qui souhaitent créer ou relancer un jumelage.",
    },
    {
        "kind": "texte",
        "title": "Charte de l’accueil de volontaires internationaux",
        "date": D(2024, 11, 15),
        "document": "charte-volontariat",
        "countries": [],
        "themes": ["Jeunesse et éducation"],
        "intro": "Les engagements des collectivités qui accueillent ou envoient des volontaires.",
    },
    {
        "kind": "texte",
        "title": "Étude : coopération décentralisée et systèmes alimentaires",
        "date": D(2025, 5, 12),
        "document": "etude-alimentation",
        "countries": ["Sénégal", "Vietnam"],
        "themes": ["Agriculture, sécurité alimentaire"],
        "intro": "Trente projets analysés et dix recommandations pour les collectivités.",
    },
    {
        "kind": "texte",
        "title": "Annuaire des groupes-pays",
        "date": D(2025, 1, 20),
        "document": "annuaire-groupes-pays",
        "countries": [],
        "themes": [],
        "intro": "Présidents, chargés de mission et fonctionnement des groupes-pays du réseau.",
    },
    {
        "kind": "texte",
        "title": "Fonds de solidarité pour le Liban : point d’étape",
        "date": D(2025, 4, 15),
        "document": "rapport-liban",
        "countries": ["Liban"],
        "themes": ["Fonds de solidarité"],
        "intro": "Contributions reçues et projets retenus par le comité des donateurs.",
    },
    # Photo
    {
        "kind": "photo",
        "title": "Saint-Louis du Sénégal : le marché des productrices",
        "date": D(2024, 11, 21),
        "gallery": ["marche", "eau", "solidarite"],
        "countries": ["Sénégal"],
        "themes": ["Agriculture, sécurité alimentaire"],
        "intro": "Reportage photographique lors de l’inauguration du marché couvert.",
    },
    {
        "kind": "photo",
        "title": "Hué : atelier d’urbanisme franco-vietnamien",
        "date": D(2025, 3, 6),
        "gallery": ["atelier", "rizieres"],
        "countries": ["Vietnam"],
        "themes": ["Patrimoine matériel et immatériel"],
        "intro": "Les équipes des deux villes au travail sur le plan de sauvegarde de la citadelle.",
    },
    {
        "kind": "photo",
        "title": "Beyrouth : la réhabilitation des écoles",
        "date": D(2024, 6, 12),
        "gallery": ["chantier", "jeunesse", "solidarite", "defaut"],
        "countries": ["Liban"],
        "themes": ["Crises et réhabilitation", "Jeunesse et éducation"],
        "intro": "Avant, pendant et après les travaux financés par les collectivités françaises.",
    },
    {
        "kind": "photo",
        "title": "Assises franco-arméniennes de Goris en images",
        "date": D(2025, 6, 4),
        "gallery": ["assises", "billere", "climat"],
        "countries": ["Arménie"],
        "themes": ["Economie et développement local"],
        "intro": "Plénières, ateliers et visites de terrain des cinquièmes Assises.",
    },
    # Son
    {
        "kind": "son",
        "title": "Podcast : la diplomatie des villes, épisode 1",
        "date": D(2025, 2, 10),
        "seconds": 4,
        "hz": 440,
        "countries": [],
        "themes": ["Développement économique international"],
        "intro": "Pourquoi les collectivités agissent-elles à l’international ? Premier épisode de la série.",
        "transcript": "Bienvenue dans ce premier épisode consacré à la diplomatie des villes. Nous recevons une "
        "élue et un chercheur pour parler de ce que l’action internationale apporte aux territoires.",
    },
    {
        "kind": "son",
        "title": "Témoignage : une maire palestinienne raconte la coopération",
        "date": D(2024, 10, 3),
        "seconds": 3,
        "hz": 392,
        "countries": ["Palestine"],
        "themes": ["Crises et réhabilitation"],
        "intro": "Enregistrement d’un message adressé aux collectivités françaises partenaires.",
        "transcript": "Chers amis, je vous remercie pour votre fidélité. Malgré les difficultés, nos projets "
        "d’eau et d’école continuent grâce à vous.",
    },
    {
        "kind": "son",
        "title": "Podcast : l’eau, un bien commun entre territoires",
        "date": D(2024, 3, 22),
        "seconds": 5,
        "hz": 523,
        "countries": ["Mauritanie", "Niger"],
        "themes": ["Eau et assainissement"],
        "intro": "Le 1 % eau expliqué par celles et ceux qui le mettent en œuvre.",
        "transcript": "Le dispositif Oudin-Santini permet aux collectivités de consacrer jusqu’à un pour cent "
        "du budget de leurs services d’eau à la solidarité internationale.",
    },
    {
        "kind": "son",
        "title": "Chroniques géopolitiques : l’Afrique de l’Ouest (extrait)",
        "date": D(2026, 2, 12),
        "seconds": 3,
        "hz": 349,
        "countries": ["Mali", "Burkina Faso", "Niger"],
        "themes": [],
        "intro": "Extrait sonore de la session d’échange consacrée au Sahel.",
        "transcript": "Les transitions politiques au Sahel obligent les collectivités à repenser leurs "
        "coopérations, sans rompre le lien avec les populations.",
    },
    # Vidéo
    {
        "kind": "video",
        "title": "Film : vingt ans de coopération dans le delta du Mékong",
        "date": D(2024, 6, 6),
        "embed": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "minutes": (10, 35),
        "countries": ["Vietnam"],
        "themes": ["Agriculture, sécurité alimentaire"],
        "intro": "Portraits de riziculteurs et d’agronomes engagés dans la coopération.",
        "transcript": "Vidéo de démonstration : la transcription du film sera ajoutée avec la vidéo définitive.",
    },
    {
        "kind": "video",
        "title": "Forum de l’action internationale : la plénière d’ouverture",
        "date": D(2025, 1, 28),
        "embed": "https://www.youtube.com/watch?v=eRsGyueVLvQ",
        "minutes": (14, 48),
        "countries": [],
        "themes": ["Europe"],
        "intro": "Les discours d’ouverture et la première table ronde du Forum.",
        "transcript": "Vidéo de démonstration : la transcription de la plénière sera ajoutée avec la vidéo définitive.",
    },
    {
        "kind": "video",
        "title": "Reconstruire après le séisme : le Maroc un an après",
        "date": D(2024, 9, 8),
        "embed": "https://www.youtube.com/watch?v=R6MlUcmOul8",
        "minutes": (12, 14),
        "countries": ["Maroc"],
        "themes": ["Fonds de solidarité", "Crises et réhabilitation"],
        "intro": "Reportage dans les communes de l’Atlas soutenues par le fonds de solidarité.",
        "transcript": "Vidéo de démonstration : la transcription du reportage sera ajoutée avec la vidéo définitive.",
    },
    {
        "kind": "video",
        "title": "Jeunes volontaires : carnets de route",
        "date": D(2023, 10, 2),
        "embed": "https://vimeo.com/1084537",
        "minutes": (9, 56),
        "countries": ["Bénin", "Québec"],
        "themes": ["Jeunesse et éducation"],
        "intro": "Des volontaires racontent leur année de mission.",
        "transcript": "Vidéo de démonstration : la transcription sera ajoutée avec la vidéo définitive.",
    },
]
