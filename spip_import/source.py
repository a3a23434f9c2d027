"""Read a SPIP backup (SQLite, as SPIP's dump plugin writes it) into memory, with its links indexed."""

import datetime
import sqlite3
from collections import defaultdict
from pathlib import Path

from django.utils import timezone


class BackupError(ValueError):
    pass


def parse_date(value):
    """SPIP's 'YYYY-MM-DD HH:MM:SS' (Europe/Paris wall time) → aware datetime; zero dates → None."""
    if not value or str(value).startswith("0000-00-00"):
        return None
    try:
        moment = datetime.datetime.strptime(str(value)[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError as error:
        raise ValueError(f"date illisible : {value!r}") from error
    return timezone.make_aware(moment)


class Backup:
    TABLES = [
        "spip_rubriques",
        "spip_articles",
        "spip_groupes_mots",
        "spip_mots",
        "spip_mots_liens",
        "spip_documents",
        "spip_documents_liens",
        "spip_urls",
        "spip_auteurs",
        "spip_auteurs_liens",
        "spip_evenements",
        "spip_meta",
    ]

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_file():
            raise BackupError(f"Sauvegarde introuvable : {self.path}")
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "spip_articles" not in present or "spip_meta" not in present:
                raise BackupError(f"{self.path} n’est pas une sauvegarde SPIP (pas de table spip_articles/spip_meta).")
            self.tables = {
                name: [dict(row) for row in connection.execute(f"SELECT * FROM {name}")]  # noqa: S608
                if name in present
                else []
                for name in self.TABLES
            }
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{self.path} : {error}") from error
        finally:
            connection.close()
        self.index()

    def index(self):
        t = self.tables
        self.meta = {row["nom"]: row["valeur"] for row in t["spip_meta"]}
        self.rubriques = {row["id_rubrique"]: row for row in t["spip_rubriques"]}
        self.parents = {rid: row["id_parent"] for rid, row in self.rubriques.items()}
        self.articles = {row["id_article"]: row for row in t["spip_articles"]}
        self.groups = {row["id_groupe"]: row for row in t["spip_groupes_mots"]}
        self.mots = {row["id_mot"]: row for row in t["spip_mots"]}
        self.documents = {row["id_document"]: row for row in t["spip_documents"]}
        self.authors = {row["id_auteur"]: row for row in t["spip_auteurs"]}
        self.events = {row["id_evenement"]: row for row in t["spip_evenements"]}
        self.links = defaultdict(list)  # (table, objet, id_objet) → [ids]
        for row in t["spip_mots_liens"]:
            self.links["mot", row["objet"], row["id_objet"]].append(row["id_mot"])
        for row in sorted(t["spip_documents_liens"], key=lambda r: (r["rang_lien"] or 0, r["id_document"])):
            self.links["document", row["objet"], row["id_objet"]].append(row["id_document"])
        for row in t["spip_auteurs_liens"]:
            self.links["auteur", row["objet"], row["id_objet"]].append(row["id_auteur"])
        self.events_of = defaultdict(list)
        for row in sorted(t["spip_evenements"], key=lambda r: (r["date_debut"], r["id_evenement"])):
            self.events_of[row["id_article"]].append(row)
        self.urls = defaultdict(list)  # (type, id) → [url rows, newest first]
        for row in sorted(t["spip_urls"], key=lambda r: r["date"] or "", reverse=True):
            self.urls[row["type"], row["id_objet"]].append(row)

    def linked(self, table, objet, id_objet):
        return self.links.get((table, objet, id_objet), [])

    def logo(self, objet, id_objet):
        for id_doc in self.linked("document", objet, id_objet):
            doc = self.documents.get(id_doc)
            if doc and doc["mode"] == "logoon":
                return doc
        return None
