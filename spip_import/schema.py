"""The SPIP 4 tables the importer reads, as SPIP's SQLite driver creates them in a backup.

Columns follow SPIP's own declarations: ecrire/base/objets.php (articles, rubriques, auteurs,
auteurs_liens, meta, urls' core fields), plugins-dist/medias/base/medias.php (documents,
documents_liens: SPIP 4 keeps logos as documents of mode "logoon"/"logooff"), plugins-dist/mots
(mots, groupes_mots, mots_liens), plugins-dist/urls_etendues (urls) and the agenda plugin
(evenements). MySQL types become SQLite affinities the way SPIP's sqlite driver maps them
(bigint → INTEGER, text/varchar/enum → TEXT, datetime → DATETIME stored as 'YYYY-MM-DD HH:MM:SS').
"""

TABLES = {
    "spip_articles": """
        id_article INTEGER PRIMARY KEY, surtitre TEXT NOT NULL DEFAULT '', titre TEXT NOT NULL DEFAULT '',
        soustitre TEXT NOT NULL DEFAULT '', id_rubrique INTEGER NOT NULL DEFAULT 0,
        descriptif TEXT NOT NULL DEFAULT '', chapo TEXT NOT NULL DEFAULT '', texte TEXT NOT NULL DEFAULT '',
        ps TEXT NOT NULL DEFAULT '', date DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        statut TEXT NOT NULL DEFAULT '0', id_secteur INTEGER NOT NULL DEFAULT 0, maj TIMESTAMP,
        export TEXT DEFAULT 'oui', date_redac DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        visites INTEGER NOT NULL DEFAULT 0, referers INTEGER NOT NULL DEFAULT 0,
        popularite DOUBLE NOT NULL DEFAULT 0, accepter_forum TEXT NOT NULL DEFAULT '',
        date_modif DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', lang TEXT NOT NULL DEFAULT '',
        langue_choisie TEXT DEFAULT 'non', id_trad INTEGER NOT NULL DEFAULT 0,
        nom_site TEXT NOT NULL DEFAULT '', url_site TEXT NOT NULL DEFAULT '', virtuel TEXT NOT NULL DEFAULT ''
    """,
    "spip_rubriques": """
        id_rubrique INTEGER PRIMARY KEY, id_parent INTEGER NOT NULL DEFAULT 0, titre TEXT NOT NULL DEFAULT '',
        descriptif TEXT NOT NULL DEFAULT '', texte TEXT NOT NULL DEFAULT '', id_secteur INTEGER NOT NULL DEFAULT 0,
        maj TIMESTAMP, statut TEXT NOT NULL DEFAULT '0', date DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        lang TEXT NOT NULL DEFAULT '', langue_choisie TEXT DEFAULT 'non', statut_tmp TEXT NOT NULL DEFAULT '0',
        date_tmp DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', profondeur INTEGER NOT NULL DEFAULT 0
    """,
    "spip_groupes_mots": """
        id_groupe INTEGER PRIMARY KEY, titre TEXT NOT NULL DEFAULT '', descriptif TEXT NOT NULL DEFAULT '',
        texte TEXT NOT NULL DEFAULT '', unseul TEXT NOT NULL DEFAULT '', obligatoire TEXT NOT NULL DEFAULT '',
        tables_liees TEXT NOT NULL DEFAULT '', minirezo TEXT NOT NULL DEFAULT '', comite TEXT NOT NULL DEFAULT '',
        forum TEXT NOT NULL DEFAULT '', maj TIMESTAMP
    """,
    "spip_mots": """
        id_mot INTEGER PRIMARY KEY, titre TEXT NOT NULL DEFAULT '', descriptif TEXT NOT NULL DEFAULT '',
        texte TEXT NOT NULL DEFAULT '', id_groupe INTEGER NOT NULL DEFAULT 0, type TEXT NOT NULL DEFAULT '',
        maj TIMESTAMP
    """,
    "spip_mots_liens": """
        id_mot INTEGER NOT NULL DEFAULT 0, id_objet INTEGER NOT NULL DEFAULT 0, objet TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (id_mot, id_objet, objet)
    """,
    "spip_documents": """
        id_document INTEGER PRIMARY KEY, id_vignette INTEGER NOT NULL DEFAULT 0, extension TEXT NOT NULL DEFAULT '',
        titre TEXT NOT NULL DEFAULT '', date DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        descriptif TEXT NOT NULL DEFAULT '', fichier TEXT NOT NULL DEFAULT '', taille INTEGER, largeur INTEGER,
        hauteur INTEGER, duree INTEGER, media TEXT NOT NULL DEFAULT 'file', mode TEXT NOT NULL DEFAULT 'document',
        distant TEXT DEFAULT 'non', statut TEXT NOT NULL DEFAULT '0', credits TEXT NOT NULL DEFAULT '',
        alt TEXT NOT NULL DEFAULT '', date_publication DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        brise INTEGER DEFAULT 0, maj TIMESTAMP
    """,
    "spip_documents_liens": """
        id_document INTEGER NOT NULL DEFAULT 0, id_objet INTEGER NOT NULL DEFAULT 0, objet TEXT NOT NULL DEFAULT '',
        vu TEXT NOT NULL DEFAULT 'non', rang_lien INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (id_document, id_objet, objet)
    """,
    "spip_urls": """
        url TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', id_objet INTEGER NOT NULL, date DATETIME NOT NULL
        DEFAULT '0000-00-00 00:00:00', segments INTEGER NOT NULL DEFAULT 1, perma INTEGER NOT NULL DEFAULT 0,
        langue TEXT NOT NULL DEFAULT '', id_parent INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (id_parent, url)
    """,
    "spip_auteurs": """
        id_auteur INTEGER PRIMARY KEY, nom TEXT NOT NULL DEFAULT '', bio TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '', nom_site TEXT NOT NULL DEFAULT '', url_site TEXT NOT NULL DEFAULT '',
        login TEXT, pass TEXT NOT NULL DEFAULT '', low_sec TEXT NOT NULL DEFAULT '', statut TEXT NOT NULL DEFAULT '0',
        webmestre TEXT NOT NULL DEFAULT 'non', maj TIMESTAMP, pgp TEXT NOT NULL DEFAULT '',
        htpass TEXT NOT NULL DEFAULT '', en_ligne DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        alea_actuel TEXT, alea_futur TEXT, prefs TEXT, cookie_oubli TEXT, source TEXT NOT NULL DEFAULT 'spip',
        lang TEXT NOT NULL DEFAULT '', imessage TEXT NOT NULL DEFAULT '', backup_cles TEXT NOT NULL DEFAULT ''
    """,
    "spip_auteurs_liens": """
        id_auteur INTEGER NOT NULL DEFAULT 0, id_objet INTEGER NOT NULL DEFAULT 0, objet TEXT NOT NULL DEFAULT '',
        vu TEXT NOT NULL DEFAULT 'non', PRIMARY KEY (id_auteur, id_objet, objet)
    """,
    "spip_evenements": """
        id_evenement INTEGER PRIMARY KEY, id_article INTEGER NOT NULL DEFAULT 0,
        date_debut DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
        date_fin DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', titre TEXT NOT NULL DEFAULT '',
        descriptif TEXT NOT NULL DEFAULT '', lieu TEXT NOT NULL DEFAULT '', adresse TEXT NOT NULL DEFAULT '',
        inscription INTEGER NOT NULL DEFAULT 0, places INTEGER NOT NULL DEFAULT 0,
        horaire TEXT NOT NULL DEFAULT 'oui', statut TEXT NOT NULL DEFAULT '0',
        date_creation DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', id_evenement_source INTEGER NOT NULL DEFAULT 0,
        maj TIMESTAMP
    """,
    "spip_meta": """
        nom TEXT PRIMARY KEY, valeur TEXT DEFAULT '', impt TEXT NOT NULL DEFAULT 'oui', maj TIMESTAMP
    """,
}

# Statuses of spip_articles.statut and what the importer does with them.
LIVE_STATUSES = {"publie"}
DRAFT_STATUSES = {"prop", "prepa"}
SKIPPED_STATUSES = {"refuse", "poubelle"}


def create_tables(connection):
    for name, columns in TABLES.items():
        connection.execute(f"CREATE TABLE {name} ({columns})")  # noqa: S608 - fixed names above


def php_serialize(value):
    """PHP's serialize() for the str/int/list/dict values SPIP stores in spip_meta."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode())}:"{value}";'
    items = value.items() if isinstance(value, dict) else enumerate(value)
    items = list(items)
    inner = "".join(php_serialize(k) + php_serialize(v) for k, v in items)
    return f"a:{len(items)}:{{{inner}}}"
