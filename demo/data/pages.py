"""Structural pages (indexes, free pages) and the site settings."""

CONTACT_EMAIL = "contact@cites-unies-france.org"

# The home page's "description pour les moteurs de recherche" (its meta description).
HOME_DESCRIPTION = (
    "Cités Unies France fédère les collectivités françaises engagées à l’international : actualités, agenda, "
    "appels et ressources de la coopération décentralisée."
)

INDEX_PAGES = {
    "articles": (
        "Actualités",
        "actualites",
        "Les nouvelles du réseau des collectivités françaises engagées à "
        "l’international : groupes-pays, fonds de solidarité, appels et publications.",
    ),
    "events": (
        "Agenda",
        "agenda",
        "Réunions des groupes-pays, formations, webinaires et grands rendez-vous de la coopération décentralisée.",
    ),
    "resources": (
        "Centre de ressources",
        "centre-de-ressources",
        "Guides, études, photos, podcasts et vidéos sur l’action internationale des collectivités.",
    ),
}

ABOUT = {
    "title": "Qui sommes-nous ?",
    "slug": "qui-sommes-nous",
    "intro": "Cités Unies France fédère les collectivités territoriales françaises engagées dans l’action "
    "internationale : communes, intercommunalités, départements et régions.",
    "body": [
        (
            "p",
            "<p>Créée en 1975, l’association accompagne les collectivités dans leurs partenariats avec des "
            "collectivités étrangères : jumelages, coopération décentralisée, solidarité en cas de crise.</p>",
        ),
        ("h", "Nos missions"),
        (
            "p",
            "<ul><li>Animer les groupes-pays et les groupes thématiques</li><li>Informer et former les élus "
            "et les agents</li><li>Coordonner la solidarité des collectivités par les fonds de solidarité</li>"
            "<li>Représenter les collectivités auprès de l’État et des institutions internationales</li></ul>",
        ),
        ("quote", "La coopération décentralisée, c’est la diplomatie des habitants.", "Cités Unies France", ""),
        ("h", "Adhérer"),
        ("p", "<p>Toute collectivité territoriale française peut adhérer au réseau par simple délibération.</p>"),
        ("doc", "annuaire-groupes-pays", "Annuaire des groupes-pays (PDF)"),
        (
            "cta",
            "Nous écrire",
            "L’équipe répond à vos questions sur l’adhésion et les groupes-pays.",
            "Contact",
            "https://cites-unies-france.org/",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Déclaration d’accessibilité",
    "slug": "declaration-d-accessibilite",
    "intro": "Cités Unies France s’engage à rendre son site internet accessible conformément à l’article 47 "
    "de la loi n° 2005-102 du 11 février 2005.",
    "body": [
        (
            "p",
            "<p>Cette déclaration d’accessibilité s’applique au site <i>Le portail de la coopération "
            "décentralisée</i> de Cités Unies France.</p>",
        ),
        ("h", "État de conformité"),
        (
            "p",
            "<p>Le site est <b>partiellement conforme</b> avec le référentiel général d’amélioration de "
            "l’accessibilité (RGAA), version 4.1, en raison des non-conformités et des dérogations énumérées "
            "ci-dessous.</p>",
        ),
        ("h", "Résultats des tests"),
        (
            "p",
            "<p>L’audit de conformité réalisé en interne révèle que 82 % des critères du RGAA 4.1 sont respectés.</p>",
        ),
        ("h", "Contenus non accessibles"),
        ("h", "Non-conformités", "h3"),
        (
            "p",
            "<ul><li>Certains documents PDF anciens ne sont pas balisés et ne peuvent pas être lus "
            "correctement par un lecteur d’écran (critère 13.3).</li><li>Certaines vidéos intégrées ne disposent "
            "pas encore de sous-titres ni de transcription (critères 4.1 et 4.3).</li><li>Quelques images "
            "importées avant 2025 ont une alternative textuelle insuffisante (critère 1.3).</li></ul>",
        ),
        ("h", "Dérogations pour charge disproportionnée", "h3"),
        ("p", "<p>Les archives de la lettre d’information antérieures à 2020 ne seront pas mises en conformité.</p>"),
        ("h", "Contenus non soumis à l’obligation d’accessibilité", "h3"),
        (
            "p",
            "<p>Les contenus de tiers intégrés (cartes, vidéos hébergées sur des plateformes externes) qui ne "
            "sont ni financés ni développés par Cités Unies France.</p>",
        ),
        ("h", "Établissement de cette déclaration"),
        (
            "p",
            "<p>Technologies utilisées : HTML5, CSS, JavaScript. Tests effectués avec NVDA et Firefox, "
            "VoiceOver et Safari, et avec des outils de vérification automatique.</p>",
        ),
        ("h", "Retour d’information et contact"),
        (
            "p",
            f"<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez nous écrire à "
            f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> pour être orienté vers une alternative '
            f"accessible ou obtenir le contenu sous une autre forme.</p>",
        ),
        ("h", "Voies de recours"),
        (
            "p",
            "<p>Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu et "
            "que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :</p><ul><li>écrire un message au "
            '<a href="https://formulaire.defenseurdesdroits.fr/">Défenseur des droits</a> ;</li><li>contacter '
            "le délégué du Défenseur des droits dans votre région ;</li><li>envoyer un courrier par la poste "
            "(gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris "
            "CEDEX 07.</li></ul>",
        ),
        ("doc", "declaration-accessibilite", "Version imprimable de la déclaration (PDF)"),
    ],
}

LEGAL = {
    "title": "Mentions légales",
    "slug": "mentions-legales",
    "intro": "Informations légales sur l’éditeur et l’hébergement du site de Cités Unies France.",
    "body": [
        ("h", "Éditeur"),
        (
            "p",
            "<p>Cités Unies France, association régie par la loi du 1er juillet 1901, 9 rue Christiani, "
            f'75018 Paris. Courriel : <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>',
        ),
        ("h", "Directeur de la publication"),
        ("p", "<p>Le président de Cités Unies France.</p>"),
        ("h", "Hébergement"),
        ("p", "<p>Le site est hébergé en France par un prestataire soumis au droit européen.</p>"),
        ("h", "Propriété intellectuelle"),
        (
            "p",
            "<p>Sauf mention contraire, les textes sont publiés sous licence Creative Commons BY-SA 4.0. Les "
            "images restent la propriété de leurs auteurs, cités en crédit.</p>",
        ),
        ("h", "Données personnelles"),
        (
            "p",
            "<p>Les données recueillies par les formulaires servent uniquement à répondre à vos demandes et "
            "à l’envoi de la lettre d’information. Vous disposez d’un droit d’accès, de rectification et "
            f"d’effacement en écrivant à {CONTACT_EMAIL}.</p>",
        ),
    ],
}

STANDARD_PAGES = [ABOUT, ACCESSIBILITY, LEGAL]

SITE_SETTINGS = {
    "tagline": "Le portail de la coopération décentralisée",
    "footer_text": "<p><b>Cités Unies France</b> — 9 rue Christiani, 75018 Paris. Le réseau des collectivités "
    "territoriales françaises engagées dans l’action internationale.</p>",
    "contact_email": CONTACT_EMAIL,
    "facebook_url": "https://www.facebook.com/citesuniesfrance",
    "linkedin_url": "https://www.linkedin.com/company/cites-unies-france",
    "youtube_url": "https://www.youtube.com/@citesuniesfrance",
    "bluesky_url": "https://bsky.app/profile/cites-unies-france.bsky.social",
}
