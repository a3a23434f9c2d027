"""The news of the seed capture (cuf-homepage-2025.txt), rewritten: same titles, dates and categories.

Dates: the ten "Actualité" cards keep the capture's order when sorted by date
descending. The Arménie meeting took place on 22 April 2025 but was announced
on 7 April, after the Sites & Cités call (8 April): its publication date is
therefore 2025-04-07, which keeps it last, as on the captured homepage.
"""

import datetime

D = datetime.date
CUF = "https://cites-unies-france.org/"

# Keys: title, date, kind, countries, themes, cover (image key or None), place, intro, body
SEED_ARTICLES = [
    {
        "title": "Parcours patrimonial et célébration des jumelages de la ville de Billère du 8 au 10 mai 2025",
        "date": D(2025, 5, 8),
        "kind": "actualite",
        "countries": [],
        "themes": [],
        "cover": "billere",
        "intro": "Trois jours durant, Billère a reçu les délégations de ses villes jumelles pour fêter des "
        "amitiés nouées depuis plusieurs décennies. Le programme a commencé par une promenade commentée à "
        "travers les quartiers anciens de la commune, avant deux journées de fête populaire ouvertes aux "
        "habitants, aux associations et aux comités de jumelage de toute l’agglomération paloise.",
        "body": [
            (
                "p",
                "<p>La balade du 8 mai a conduit les invités des villes jumelles de la place de la mairie "
                "jusqu’aux bords du gave, en passant par les maisons béarnaises et les anciens ateliers. Des "
                "habitants bénévoles ont raconté l’histoire de chaque étape.</p>",
            ),
            ("img", "billere", "Le parcours patrimonial a réuni élus, habitants et délégations étrangères."),
            ("h", "Deux journées de fête"),
            (
                "p",
                "<p>Les 9 et 10 mai, concerts, stands associatifs et repas partagé ont rythmé le week-end. "
                "Les comités de jumelage ont présenté leurs projets d’échanges scolaires et sportifs pour "
                "l’année à venir.</p>",
            ),
            (
                "quote",
                "Un jumelage ne vit que si les habitants se l’approprient : ces journées en sont la preuve.",
                "L’adjointe aux relations internationales",
                "Ville de Billère",
            ),
            (
                "cta",
                "Créer ou relancer un jumelage",
                "Cités Unies France accompagne les collectivités dans leurs partenariats.",
                "Nous contacter",
                CUF,
            ),
        ],
    },
    {
        "title": "Rencontre du Ministre de l’Europe et des Affaires étrangères avec son homologue japonais, "
        "le 2 mai 2025",
        "date": D(2025, 5, 2),
        "kind": "actualite",
        "countries": ["Japon"],
        "themes": [],
        "cover": "japon",
        "intro": "Le chef de la diplomatie française a reçu à Paris le ministre japonais des Affaires "
        "étrangères pour un entretien consacré au partenariat d’exception entre les deux pays. Sécurité en "
        "Indo-Pacifique, économie, culture et échanges humains figuraient à l’ordre du jour ; les jumelages "
        "entre villes françaises et japonaises y ont été cités comme un pilier de cette relation.",
        "body": [
            (
                "p",
                "<p>Les deux ministres ont rappelé la feuille de route franco-japonaise et souhaité "
                "multiplier les occasions de rencontre entre sociétés civiles, universités et collectivités.</p>",
            ),
            ("h", "Les collectivités, actrices de la relation franco-japonaise"),
            (
                "p",
                "<p>Plus de cinquante partenariats unissent des villes, départements et régions de France à "
                "des municipalités et préfectures japonaises. Le groupe-pays Japon de Cités Unies France "
                "partage leurs expériences, de la prévention des catastrophes à la gastronomie.</p>",
            ),
            ("img", "japon", "Les échanges entre villes nourrissent le partenariat franco-japonais."),
            (
                "cta",
                "Rejoindre le groupe-pays Japon",
                "Réunions régulières, veille et mise en relation.",
                "En savoir plus",
                CUF,
            ),
        ],
    },
    {
        "title": "Israël interdit l’accès à une délégation française engagée pour la coopération avec la Palestine",
        "date": D(2025, 5, 1),
        "kind": "actualite",
        "countries": ["Palestine"],
        "themes": ["Crises et réhabilitation"],
        "cover": "delegation",
        "intro": "Une cinquantaine d’élus et d’agents de collectivités françaises devaient se rendre en "
        "Cisjordanie à la fin du mois d’avril pour relancer des coopérations décentralisées engagées de "
        "longue date avec des municipalités palestiniennes. Les autorités israéliennes ont refusé l’entrée de "
        "la délégation, préparée avec le Consulat général de France à Jérusalem. Cités Unies France réagit.",
        "body": [
            (
                "p",
                "<p>La mission devait permettre de visiter des projets d’eau, de patrimoine et de jeunesse, "
                "et de rencontrer les maires partenaires. La décision, notifiée quelques jours avant le départ, "
                "a contraint les collectivités à tout annuler.</p>",
            ),
            (
                "quote",
                "Empêcher des élus locaux de rencontrer leurs homologues, c’est s’attaquer à la "
                "diplomatie des territoires elle-même.",
                "Le président de Cités Unies France",
                "",
            ),
            ("h", "Maintenir les coopérations"),
            (
                "p",
                "<p>Les collectivités du groupe-pays Palestine ont décidé de poursuivre leurs programmes à "
                "distance et d’accueillir en France leurs partenaires palestiniens dans les prochains mois.</p>",
            ),
            ("img", "delegation", "Les élus de la délégation lors de la réunion de préparation."),
            ("doc", "communique-palestine", "Lire le communiqué de Cités Unies France (PDF)"),
        ],
    },
    {
        "title": "ANNULATION ! Mission de Cités Unies France en Palestine, du 30 avril au 4 mai 2025",
        "date": D(2025, 4, 29),
        "kind": "actualite",
        "countries": ["Palestine"],
        "themes": [],
        "cover": None,
        "intro": "La mission que Cités Unies France organisait en Palestine avec une cinquantaine de "
        "représentants de collectivités françaises est annulée, faute d’autorisation d’entrée délivrée par "
        "les autorités israéliennes. Les participants inscrits sont informés individuellement des suites "
        "données et des modalités de remboursement des frais déjà engagés pour le voyage.",
        "body": [
            (
                "p",
                "<p>Le programme prévoyait des visites à Bethléem, Naplouse, Ramallah et Jéricho, ainsi "
                "qu’une rencontre avec l’Association des collectivités locales palestiniennes.</p>",
            ),
            ("h", "Et maintenant ?"),
            (
                "p",
                "<p>Une réunion du groupe-pays Palestine sera convoquée en visioconférence pour décider "
                "ensemble de la suite : nouvelle mission, accueil des partenaires en France, plaidoyer.</p>",
            ),
            ("cta", "Suivre l’actualité du groupe-pays Palestine", "", "S’inscrire à la lettre", CUF),
        ],
    },
    {
        "title": "Coopération internationale et systèmes alimentaires durables : un cycle de wébinaires pour "
        "les collectivités françaises, mai-juin 2025",
        "date": D(2025, 4, 28),
        "kind": "actualite",
        "countries": [],
        "themes": ["Agriculture, sécurité alimentaire"],
        "cover": "webinaires",
        "place": "en visioconférence",
        "intro": "Sécheresses, flambée des prix, dépendance aux importations : l’alimentation est devenue une "
        "question de résilience pour tous les territoires. Cités Unies France propose aux élus et agents un "
        "cycle de quatre wébinaires pour découvrir comment la coopération décentralisée soutient des systèmes "
        "alimentaires plus durables, ici et chez les partenaires du Sud.",
        "body": [
            (
                "p",
                "<p>Chaque séance d’une heure et demie associe un éclairage d’expert et le témoignage de "
                "deux collectivités engagées.</p>",
            ),
            ("h", "Programme"),
            (
                "p",
                "<ul><li>Projets alimentaires territoriaux et coopération internationale</li>"
                "<li>Restauration scolaire et circuits courts</li><li>Foncier agricole et installation des "
                "jeunes</li><li>Financer un projet : 1 % alimentation, fonds européens, AFD</li></ul>",
            ),
            (
                "img",
                "webinaires",
                "Le cycle s’adresse aux élus et aux services agriculture et relations internationales.",
            ),
            (
                "cta",
                "Inscription aux wébinaires",
                "Gratuit, ouvert à toutes les collectivités.",
                "S’inscrire",
                "https://inscriptions.example.org/cuf/webinaires-alimentation",
            ),
        ],
    },
    {
        "title": "Retour sur le rassemblement « Une lanterne pour la Palestine », le 16 avril 2025",
        "date": D(2025, 4, 17),
        "kind": "actualite",
        "countries": [],
        "themes": [],
        "cover": "lanterne",
        "intro": "À l’appel du Réseau de coopération décentralisée pour la Palestine, une douzaine de "
        "collectivités françaises et palestiniennes ont allumé des lanternes le même soir, chacune sur une "
        "place ou devant sa mairie. Un geste simple et partagé pour dire l’espoir de paix et rappeler les "
        "liens que les territoires entretiennent malgré la guerre et les restrictions.",
        "body": [
            (
                "p",
                "<p>Les rassemblements ont réuni habitants, associations et élus. Des messages enregistrés "
                "par les maires palestiniens partenaires ont été diffusés sur plusieurs places.</p>",
            ),
            ("img", "lanterne", "Lanternes allumées devant l’hôtel de ville lors du rassemblement."),
            (
                "quote",
                "Chaque lumière allumée ici est un message reçu là-bas.",
                "Un maire palestinien partenaire",
                "Message vidéo",
            ),
            ("p", "<p>Le réseau prépare une nouvelle journée de mobilisation à l’automne.</p>"),
        ],
    },
    {
        "title": "Des nouvelles du fonds de solidarité pour le Liban, avril 2025",
        "date": D(2025, 4, 15),
        "kind": "actualite",
        "countries": [],
        "themes": ["Crises et réhabilitation", "Fonds de solidarité"],
        "cover": None,
        "intro": "Ouvert en 2024 après les bombardements qui ont frappé le sud du pays, le fonds de "
        "solidarité pour le Liban a réuni les contributions d’une douzaine de collectivités françaises. Le "
        "comité des donateurs a retenu les premiers projets, conçus avec les municipalités libanaises : "
        "équipements de secours, réhabilitation de réseaux et appui aux familles déplacées.",
        "body": [
            (
                "p",
                "<p>Les sommes collectées dépassent cent mille euros. Elles seront engagées en trois "
                "tranches, après vérification sur place par les partenaires de Cités Unies France.</p>",
            ),
            ("h", "Les projets retenus"),
            (
                "p",
                "<ol><li>Achat de générateurs et de matériel de secours pour deux fédérations de "
                "municipalités</li><li>Réparation d’un réseau d’adduction d’eau</li><li>Soutien à des centres "
                "d’accueil de familles déplacées</li></ol>",
            ),
            ("doc", "rapport-liban", "Télécharger le point d’étape du fonds (PDF)"),
            (
                "cta",
                "Contribuer au fonds de solidarité",
                "Toute collectivité peut abonder le fonds par délibération.",
                "Comment contribuer",
                CUF,
            ),
        ],
    },
    {
        "title": 'Publication du livre de l’ARRICOD "Idées reçues sur l’action internationale des '
        'collectivités territoriales", avril 2025',
        "date": D(2025, 4, 10),
        "kind": "actualite",
        "countries": [],
        "themes": [],
        "cover": "arricod",
        "intro": "Utile, coûteuse, réservée aux grandes villes ? L’association des professionnels de l’action "
        "européenne et internationale des collectivités publie une édition actualisée de son ouvrage qui "
        "répond, chiffres et exemples à l’appui, aux préjugés les plus tenaces sur l’action internationale "
        "des territoires. Un outil précieux pour convaincre élus, agents et citoyens.",
        "body": [
            (
                "p",
                "<p>L’ouvrage passe en revue une vingtaine d’idées reçues et montre ce que l’action "
                "internationale apporte concrètement aux territoires : compétences, attractivité, ouverture des "
                "jeunes, solutions partagées.</p>",
            ),
            ("img", "arricod", "La nouvelle édition de l’ouvrage de l’ARRICOD."),
            (
                "quote",
                "L’action internationale n’est pas un luxe : c’est une politique publique comme les "
                "autres, qui se prépare, s’évalue et se partage.",
                "Extrait de l’introduction",
                "",
            ),
            ("cta", "Commander l’ouvrage", "", "Site de l’ARRICOD", "https://www.arricod.fr/"),
        ],
    },
    {
        "title": "Sites & Cités remarquables de France : Semaine de formation internationale 2025 : Appel à "
        'candidatures : "Nature en centre ancien"',
        "date": D(2025, 4, 8),
        "kind": "actualite",
        "countries": [],
        "themes": [
            "Patrimoine matériel et immatériel",
            "Economie et développement local",
            "Développement économique international",
        ],
        "cover": "sites-cites",
        "intro": "Sites & Cités remarquables de France ouvre les candidatures pour sa semaine de formation "
        "internationale, qui se tiendra en juillet à Strasbourg et sera aussi retransmise en ligne. Cette "
        "onzième édition invite professionnels et élus du patrimoine à réfléchir à la place du végétal, de "
        "l’eau et de la biodiversité dans les centres historiques face au réchauffement.",
        "body": [
            (
                "p",
                "<p>Visites de terrain, ateliers et conférences alterneront pendant cinq jours. Les "
                "candidatures de binômes associant une collectivité française et une collectivité partenaire "
                "étrangère sont encouragées.</p>",
            ),
            ("h", "Conditions de participation"),
            (
                "p",
                "<p>Dossier en français ou en anglais, lettre de motivation et présentation du projet de "
                "territoire. Une prise en charge partielle des frais est possible.</p>",
            ),
            ("img", "sites-cites", "La nature en ville, thème de l’édition 2025."),
            ("cta", "Déposer une candidature", "", "Sites & Cités remarquables", "https://www.sites-cites.fr/"),
        ],
    },
    {
        "title": "Réunion de groupe-pays Arménie, le 22 avril 2025",
        "date": D(2025, 4, 7),
        "kind": "actualite",
        "countries": ["Arménie"],
        "themes": [],
        "cover": None,
        "place": "en visioconférence",
        "intro": "Les collectivités du groupe-pays Arménie se retrouvent en ligne pour préparer les cinquièmes "
        "Assises de la coopération décentralisée franco-arménienne, prévues début juin à Goris. Au programme "
        "de cette réunion d’une heure : le déroulé des Assises, les ateliers thématiques, la composition des "
        "délégations et l’organisation pratique du déplacement dans le Syunik.",
        "body": [
            (
                "p",
                "<p>La réunion est ouverte aux élus et aux agents des collectivités engagées en Arménie ou "
                "qui souhaitent s’y engager.</p>",
            ),
            ("h", "Ordre du jour"),
            (
                "p",
                "<ul><li>Présentation du programme des Assises</li><li>Ateliers : eau, tourisme, "
                "agriculture, culture</li><li>Logistique et hébergement</li></ul>",
            ),
            (
                "cta",
                "S’inscrire à la réunion",
                "Le lien de connexion est envoyé la veille.",
                "Inscription",
                "https://inscriptions.example.org/cuf/groupe-pays-armenie",
            ),
        ],
    },
]
