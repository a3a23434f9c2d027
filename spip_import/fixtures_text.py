"""Words and SPIP-typed paragraphs the fixture generator composes into articles (French, as on CUF's site)."""

SECTIONS = [
    # (id, parent, title, lang) — three levels deep; ids look like a twenty-year-old SPIP's.
    (1, 0, "Actualités", "fr"),
    (11, 1, "Communiqués", "fr"),
    (12, 1, "Lettres d’information", "fr"),
    (13, 1, "Appels à contributions", "fr"),
    (111, 11, "Archives 2006-2012", "fr"),
    (2, 0, "Agenda", "fr"),
    (3, 0, "Centre de ressources", "fr"),
    (31, 3, "Textes", "fr"),
    (32, 3, "Photos", "fr"),
    (33, 3, "Sons", "fr"),
    (34, 3, "Vidéos", "fr"),
    (311, 31, "Études", "fr"),
    (4, 0, "Fonds de solidarité", "fr"),
    (41, 4, "Fonds Liban", "fr"),
    (5, 0, "Groupes-pays", "fr"),
    (51, 5, "Groupe-pays Mali", "fr"),
    (52, 5, "Groupe-pays Palestine", "fr"),
    (6, 0, "English", "en"),
    (7, 0, "Espace adhérents", "fr"),
    (8, 0, "Qui sommes-nous", "fr"),
    (303, 8, "Actualités", "fr"),  # a second "Actualités": its URL becomes -Actualites-303-
]

COUNTRIES = [
    ("Palestine", "moyen-orient"),
    ("Liban", "moyen-orient"),
    ("Mali", "afrique"),
    ("Sénégal", "afrique"),
    ("Côte d’Ivoire", "afrique"),
    ("Burkina Faso", "afrique"),
    ("Haïti", "ameriques"),
    ("Vietnam", "asie"),
    ("Japon", "asie"),
    ("Ukraine", "europe"),
    ("Arménie", "europe"),
    ("Maroc", "mediterranee"),
]

THEMES = [
    "Crises et réhabilitation",
    "Climat",
    "Eau et assainissement",
    "Culture",
    "Jeunesse",
    "Développement économique",
    "Santé",
    "Éducation",
]

OTHER_KEYWORDS = ["À la une", "Archives"]

AUTHORS = ["Marie Durand", "Karim Benali", "Sophie Martin", "Jean-Luc Moreau", "Aminata Traoré", "Équipe CUF"]

TITLE_STARTS = [
    "Les collectivités françaises",
    "Rencontre du groupe-pays",
    "Appel à projets",
    "Assises de la coopération",
    "Solidarité avec",
    "Lettre d’information",
    "Mission d’élus",
    "Webinaire",
    "Programme de coopération",
    "Communiqué",
]

TITLE_ENDS = [
    "renforcent leurs partenariats",
    "se mobilisent",
    "publient leur bilan",
    "lancent un appel",
    "à Strasbourg",
    "en visioconférence",
    "pour l’eau",
    "et la jeunesse",
]

PARAGRAPHS = [
    "Les collectivités {{adhérentes}} de Cités Unies France se sont réunies le 12~mars pour faire le point "
    "sur leurs actions de {coopération décentralisée}.",
    "Le groupe-pays a rappelé l’importance du dialogue entre élus&nbsp;: «~la paix se construit au quotidien~».",
    "Retrouvez le [compte rendu complet->https://cites-unies-france.org/compte-rendu] et "
    "[la présentation des intervenants->art@ART@].",
    "{{{Les prochaines étapes}}}",
    "-* un atelier sur l’eau et l’assainissement\n-* une mission d’élus au printemps\n-* un bilan partagé en juin",
    "-# Inscription des collectivités\n-# Dépôt des projets\n-# Sélection par le comité",
    "|{{Collectivité}}|{{Montant}}|\n|Ville de Lyon|15 000 €|\n|Région Bretagne|40 000 €|",
    "<quote>Nous devons agir ensemble, à toutes les échelles.</quote>",
    "Le programme est financé par le ministère[[Ministère de l’Europe et des Affaires étrangères, "
    "délégation pour l’action extérieure des collectivités territoriales.]] et les collectivités.",
    "Pour toute question, écrivez à l’équipe\n_ ou appelez le secrétariat.",
    "Voir aussi la rubrique [->rub@RUB@] et le document [->doc@DOC@].",
    "<multi>[fr]Texte en français de la rencontre.[en]English text of the meeting.</multi>",
    "Le code de l’appel est <code>CUF-2024-@ART@</code> &amp; la date limite le 30&nbsp;juin.",
    "Une {{{{{rubrique très spéciale}}}}} et un <boite>encadré</boite> que le site n’affiche plus.",
]
