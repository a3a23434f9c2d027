"""Countries and themes Cités Unies France works with (names as the old site spells them)."""

# (name, region, is_country_group, description)
COUNTRIES = [
    (
        "Japon",
        "asie",
        True,
        "Le groupe-pays Japon réunit les collectivités jumelées avec des villes et préfectures "
        "japonaises : échanges culturels, prévention des risques, vieillissement, innovation urbaine.",
    ),
    (
        "Palestine",
        "moyen-orient",
        True,
        "Le groupe-pays Palestine accompagne près de cinquante coopérations "
        "décentralisées : eau, patrimoine, jeunesse, soutien aux municipalités palestiniennes en crise.",
    ),
    (
        "Arménie",
        "europe",
        True,
        "Le groupe-pays Arménie prépare les Assises de la coopération décentralisée "
        "franco-arménienne et soutient les communes du Syunik et du Tavush.",
    ),
    (
        "Liban",
        "moyen-orient",
        True,
        "Le groupe-pays Liban et son fonds de solidarité appuient les municipalités "
        "libanaises touchées par les crises successives.",
    ),
    (
        "Maroc",
        "mediterranee",
        True,
        "Coopérations entre collectivités françaises et marocaines ; fonds de "
        "solidarité ouvert après le séisme d’Al Haouz de septembre 2023.",
    ),
    (
        "Mauritanie",
        "afrique",
        True,
        "Le groupe-pays Mauritanie suit les coopérations dans la vallée du fleuve "
        "Sénégal : eau, assainissement, état civil, développement rural.",
    ),
    (
        "Sénégal",
        "afrique",
        True,
        "Un des plus anciens groupes-pays : décentralisation, gestion des déchets, "
        "culture et mobilité des jeunes entre la France et le Sénégal.",
    ),
    (
        "Burkina Faso",
        "afrique",
        True,
        "Les coopérations franco-burkinabè maintiennent le lien avec les communes "
        "malgré l’insécurité : eau, santé, éducation.",
    ),
    (
        "Mali",
        "afrique",
        True,
        "Le groupe-pays Mali soutient les diasporas et les communes maliennes partenaires "
        "dans un contexte politique difficile.",
    ),
    (
        "Niger",
        "afrique",
        True,
        "Coopérations décentralisées franco-nigériennes : hydraulique villageoise, "
        "sécurité alimentaire, appui aux services communaux.",
    ),
    (
        "Bénin",
        "afrique",
        True,
        "Le groupe-pays Bénin travaille sur l’aménagement urbain, le patrimoine et la "
        "fiscalité locale avec les communes béninoises.",
    ),
    (
        "Madagascar",
        "afrique",
        True,
        "Coopérations franco-malgaches : eau potable, gestion des risques "
        "cycloniques, appui aux régions et aux communes.",
    ),
    (
        "Haïti",
        "ameriques",
        True,
        "Le groupe-pays Haïti relie les collectivités engagées depuis le séisme de 2010 "
        "dans la reconstruction et la gouvernance locale.",
    ),
    (
        "Vietnam",
        "asie",
        True,
        "Les Assises franco-vietnamiennes réunissent régulièrement les collectivités des "
        "deux pays autour de l’urbanisme, du patrimoine et de l’agriculture.",
    ),
    (
        "Cambodge",
        "asie",
        False,
        "Coopérations autour de Siem Reap et Phnom Penh : patrimoine, eau, tourisme "
        "durable et formation des agents municipaux.",
    ),
    (
        "Chine",
        "asie",
        True,
        "Le groupe-pays Chine accompagne les jumelages franco-chinois : économie, culture, "
        "ville durable, échanges universitaires.",
    ),
    (
        "Québec",
        "ameriques",
        True,
        "Coopération franco-québécoise entre municipalités : transition écologique, "
        "francophonie, mobilité des jeunes professionnels.",
    ),
    (
        "Brésil",
        "ameriques",
        False,
        "Coopérations décentralisées franco-brésiliennes : participation citoyenne, agriculture familiale, climat.",
    ),
    (
        "Cuba",
        "ameriques",
        False,
        "Coopérations patrimoniales et culturelles entre collectivités françaises et villes cubaines.",
    ),
    (
        "Tunisie",
        "mediterranee",
        False,
        "Appui à la décentralisation tunisienne, aux municipalités élues et à la gestion des services urbains.",
    ),
    (
        "Algérie",
        "mediterranee",
        False,
        "Jumelages et coopérations franco-algériennes : culture, jeunesse, mémoire et échanges universitaires.",
    ),
    (
        "Israël",
        "moyen-orient",
        True,
        "Le groupe-pays Israël réunit les collectivités françaises jumelées avec des villes israéliennes.",
    ),
    (
        "Ukraine",
        "europe",
        False,
        "Solidarité des collectivités françaises avec les villes ukrainiennes : aide "
        "d’urgence, reconstruction, accueil des déplacés.",
    ),
    (
        "Moldavie",
        "europe",
        False,
        "Coopérations franco-moldaves : services publics locaux, eau, préparation à l’adhésion européenne.",
    ),
    (
        "Allemagne",
        "europe",
        False,
        "Jumelages franco-allemands : le premier réseau de partenariats entre communes d’Europe.",
    ),
    (
        "Pologne",
        "europe",
        False,
        "Jumelages franco-polonais et coopération autour de l’accueil des réfugiés ukrainiens.",
    ),
]

# (name, description)
THEMES = [
    (
        "Crises et réhabilitation",
        "Réponse des collectivités aux crises humanitaires, catastrophes naturelles "
        "et conflits : urgence, reconstruction, réhabilitation des services publics.",
    ),
    (
        "Fonds de solidarité",
        "Fonds ouverts par Cités Unies France pour mutualiser les contributions des "
        "collectivités après une catastrophe (Liban, Maroc, Ukraine, Gaza…).",
    ),
    (
        "Agriculture, sécurité alimentaire",
        "Systèmes alimentaires territoriaux, agriculture familiale, "
        "restauration collective et coopération internationale.",
    ),
    (
        "Patrimoine matériel et immatériel",
        "Valorisation des centres anciens, des savoir-faire et des traditions par la coopération entre villes.",
    ),
    (
        "Economie et développement local",
        "Développement économique des territoires, emploi, tourisme, économie sociale et solidaire.",
    ),
    (
        "Développement économique international",
        "Internationalisation des entreprises et des territoires, attractivité et partenariats économiques.",
    ),
    ("Europe", "Programmes et financements européens pour l’action internationale des collectivités."),
    ("Climat et environnement", "Adaptation au changement climatique, transition énergétique, biodiversité."),
    ("Jeunesse et éducation", "Mobilité internationale des jeunes, volontariat, éducation à la citoyenneté mondiale."),
    ("Culture", "Coopération culturelle, festivals, résidences d’artistes et diplomatie culturelle des villes."),
    ("Eau et assainissement", "Accès à l’eau potable et à l’assainissement, dispositif 1 % eau (loi Oudin-Santini)."),
    ("Santé", "Coopération hospitalière, santé communautaire et prévention."),
]

# Themes that get a default image (theme name → image key of data.images).
THEME_IMAGES = {
    "Fonds de solidarité": "solidarite",
    "Climat et environnement": "climat",
}
