"""Older articles, January 2023 – March 2024 (rows: see demo.data.more_articles)."""

import datetime

D = datetime.date

ARTICLES_2023_2024 = [
    (
        D(2024, 3, 7),
        "lettre",
        "Lettre d’information n° 38 — mars 2024",
        [],
        [],
        None,
        "",
        "Au sommaire : l’agenda des groupes-pays, un dossier consacré à l’égalité entre les femmes et les hommes "
        "dans la coopération, les Assises franco-chinoises et les actualités européennes.",
        "Retrouvez aussi le portrait d’une élue engagée depuis vingt ans au Burkina Faso.",
    ),
    (
        D(2024, 2, 15),
        "actualite",
        "Chine : reprise des échanges entre villes jumelles",
        ["Chine"],
        ["Développement économique international", "Culture"],
        None,
        "",
        "Après plusieurs années d’interruption, les délégations reprennent le chemin des villes jumelles "
        "chinoises : échanges universitaires, missions économiques et saisons culturelles redémarrent.",
        "Le groupe-pays Chine organise une réunion de préparation des Assises franco-chinoises.",
    ),
    (
        D(2024, 1, 25),
        "publication",
        "Rapport annuel 2023 de Cités Unies France",
        [],
        [],
        "assises",
        "",
        "Le rapport annuel retrace une année marquée par la solidarité avec le Maroc et la Libye, les Assises "
        "franco-arméniennes et le lancement de nouveaux groupes de travail thématiques.",
        "Il présente les comptes de l’association et la liste des collectivités adhérentes.",
    ),
    (
        D(2023, 12, 14),
        "actualite",
        "Haïti : maintenir la coopération malgré l’insécurité",
        ["Haïti"],
        ["Crises et réhabilitation"],
        None,
        "",
        "Réunies en visioconférence, les collectivités du groupe-pays Haïti ont partagé leurs solutions pour "
        "continuer à soutenir leurs partenaires haïtiens quand les déplacements sont impossibles.",
        "Formations à distance et appui aux associations de la diaspora font partie des pistes retenues.",
    ),
    (
        D(2023, 11, 30),
        "communique",
        "Fonds de solidarité pour le Maroc : plus d’un million d’euros réunis",
        ["Maroc"],
        ["Fonds de solidarité"],
        "solidarite",
        "",
        "Deux mois après le séisme d’Al Haouz, les contributions des collectivités françaises au fonds de "
        "solidarité dépassent le million d’euros, un niveau jamais atteint par le réseau.",
        "Le comité des donateurs se réunira pour choisir les premiers projets de reconstruction.",
    ),
    (
        D(2023, 11, 9),
        "actualite",
        "Burkina Faso : les coopérations s’adaptent au contexte sécuritaire",
        ["Burkina Faso"],
        ["Eau et assainissement"],
        None,
        "en visioconférence",
        "Les collectivités engagées au Burkina Faso ont fait le point sur leurs projets, menés désormais avec "
        "des équipes locales renforcées et un suivi à distance.",
        "Les projets d’eau et d’éducation se poursuivent dans la plupart des communes partenaires.",
    ),
    (
        D(2023, 10, 19),
        "appel",
        "Appel à contributions : les jumelages franco-allemands de demain",
        ["Allemagne"],
        ["Europe", "Jeunesse et éducation"],
        "europe",
        "",
        "Pour préparer une rencontre consacrée au renouvellement des jumelages franco-allemands, Cités Unies "
        "France recueille les expériences réussies d’implication des jeunes et des associations.",
        "Les contributions seront présentées lors d’une table ronde à Strasbourg.",
    ),
    (
        D(2023, 9, 14),
        "communique",
        "Séisme au Maroc : ouverture d’un fonds de solidarité",
        ["Maroc"],
        ["Fonds de solidarité", "Crises et réhabilitation"],
        None,
        "",
        "Cités Unies France ouvre un fonds de solidarité pour permettre aux collectivités françaises de soutenir "
        "les communes de la région de Marrakech touchées par le séisme du 8 septembre.",
        "Les collectivités peuvent délibérer dès maintenant ; les modalités sont précisées en ligne.",
    ),
    (
        D(2023, 7, 6),
        "actualite",
        "Cambodge : le patrimoine d’Angkor au cœur d’une coopération renouvelée",
        ["Cambodge"],
        ["Patrimoine matériel et immatériel", "Culture"],
        None,
        "",
        "Une convention renouvelée pour cinq ans associe une ville française et la province de Siem Reap autour "
        "de la gestion du patrimoine, de l’eau et d’un tourisme plus respectueux des habitants.",
        "Des agents de la province seront accueillis en formation dans les services français.",
    ),
    (
        D(2023, 6, 1),
        "lettre",
        "Lettre d’information n° 33 — juin 2023",
        [],
        [],
        None,
        "",
        "Au sommaire : l’assemblée générale, les résultats de l’enquête sur les moyens de l’action "
        "internationale, les rencontres du groupe-pays Japon et un dossier sur l’eau.",
        "Le numéro présente également les nouveaux membres du conseil d’administration.",
    ),
    (
        D(2023, 4, 20),
        "actualite",
        "Moldavie : des élus moldaves en visite d’étude en France",
        ["Moldavie"],
        ["Europe"],
        "europe",
        "",
        "Une délégation de maires moldaves a découvert l’organisation des services publics locaux français, "
        "dans la perspective du rapprochement de leur pays avec l’Union européenne.",
        "La visite s’est conclue par la signature de deux lettres d’intention de coopération.",
    ),
    (
        D(2023, 3, 9),
        "publication",
        "Note : coopérer avec la Tunisie après la réforme territoriale",
        ["Tunisie"],
        ["Economie et développement local"],
        None,
        "",
        "Cette note fait le point sur l’organisation des collectivités tunisiennes après la réforme et propose "
        "des pistes pour poursuivre les coopérations engagées avec les municipalités.",
        "Elle a été rédigée avec des chercheurs et des praticiens tunisiens et français.",
    ),
    (
        D(2023, 2, 2),
        "actualite",
        "Brésil : relance de la coopération décentralisée franco-brésilienne",
        ["Brésil"],
        ["Climat et environnement", "Agriculture, sécurité alimentaire"],
        "climat",
        "",
        "Élus français et brésiliens ont décidé de relancer les rencontres de la coopération décentralisée, "
        "avec l’agriculture familiale et la protection des forêts comme priorités.",
        "Une première rencontre sera organisée en Amazonie avant la COP30.",
    ),
    (
        D(2023, 1, 12),
        "actualite",
        "Niger : l’hydraulique villageoise, vingt ans de partenariat",
        ["Niger"],
        ["Eau et assainissement", "Agriculture, sécurité alimentaire"],
        "eau",
        "",
        "Un département français et la région de Tahoua dressent le bilan de vingt ans de coopération : "
        "puits pastoraux, mini-réseaux d’eau et maraîchage irrigué pour des milliers de familles.",
        "Le bilan souligne le rôle des comités villageois dans l’entretien des ouvrages.",
    ),
]
