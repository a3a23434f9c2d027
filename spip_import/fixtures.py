"""Write a realistic, deterministic SPIP 4 backup (SQLite) and its IMG/ folder, for tests and benchmarks.

    python -m spip_import.fixtures OUT_DIR [--size small|large] [--seed 17]

OUT_DIR/cuf_YYYYMMDD.sqlite is the backup (as Maintenance → Sauvegarder la base writes it in
tmp/dump/), OUT_DIR/IMG/ the files, under IMG/<extension>/<name> like SPIP 2+.
"""

import argparse
import datetime
import io
import random
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from spip_import import fixtures_text as words
from spip_import.schema import create_tables, php_serialize

SIZES = {"tiny": (40, 40), "small": (300, 240), "large": (3000, 6000)}  # articles, documents
IMAGE_EXTENSIONS = ("jpg", "png", "gif", "webp")
FILE_EXTENSIONS = ("pdf", "odt", "docx", "xls", "mp3", "mp4", "zip")
START = datetime.datetime(2006, 1, 9, 10, 0)


def spip_url(title):
    """The slug SPIP's urls_etendues would store ("propres" URLs keep case, drop accents and punctuation)."""
    text = "".join(c if c.isalnum() else " " for c in title)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(text.split())


def fmt(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class Fixture:
    backup: Path
    img_dir: Path
    counts: dict


class Generator:
    def __init__(self, out_dir, size="small", seed=17):
        self.out = Path(out_dir)
        self.n_articles, self.n_documents = SIZES[size]
        self.rng = random.Random(seed)
        self.rows = {}
        self.urls_taken = set()

    def add(self, table, **row):
        self.rows.setdefault(table, []).append(row)

    def add_url(self, kind, obj_id, title, when, older=None):
        url = spip_url(title) or f"{kind}{obj_id}"
        if url in self.urls_taken:
            url = f"{url}-{obj_id}"
        self.urls_taken.add(url)
        if older:  # the object was renamed: SPIP keeps the old URL, with an older date
            old = f"{spip_url(older)}-{obj_id}"
            self.add("spip_urls", url=old, type=kind, id_objet=obj_id, date=fmt(when - datetime.timedelta(days=30)))
        self.add("spip_urls", url=url, type=kind, id_objet=obj_id, date=fmt(when), langue="")

    # -- content --------------------------------------------------------------------------------

    def sections(self):
        sector = {}
        for id_rub, parent, title, lang in words.SECTIONS:
            sector[id_rub] = sector[parent] if parent else id_rub
            depth = 0 if not parent else (1 if parent in {s[0] for s in words.SECTIONS if not s[1]} else 2)
            self.add(
                "spip_rubriques",
                id_rubrique=id_rub,
                id_parent=parent,
                titre=title,
                descriptif=f"La rubrique {title}.",
                texte=f"Présentation de la rubrique {{{{{title}}}}}.",
                id_secteur=sector[id_rub],
                statut="publie",
                date=fmt(START),
                lang=lang,
                profondeur=depth,
            )
            self.add_url("rubrique", id_rub, title, START)
        self.sector = sector

    def keywords(self):
        groups = [(1, "Pays", [c for c, _ in words.COUNTRIES]), (2, "Thématiques", words.THEMES)]
        groups.append((3, "Divers", words.OTHER_KEYWORDS))
        id_mot = 0
        self.mots = {}
        for id_groupe, title, names in groups:
            self.add("spip_groupes_mots", id_groupe=id_groupe, titre=title, tables_liees="articles,rubriques")
            for name in names:
                id_mot += 1
                self.add("spip_mots", id_mot=id_mot, titre=name, id_groupe=id_groupe, type=title)
                self.mots.setdefault(id_groupe, []).append(id_mot)
                # Keyword URLs keep their accents here, so old links arrive percent-encoded.
                url = name.replace("’", "-").replace(" ", "-")
                self.add("spip_urls", url=url, type="mot", id_objet=id_mot, date=fmt(START))

    def authors(self):
        for i, name in enumerate(words.AUTHORS, start=1):
            self.add("spip_auteurs", id_auteur=i, nom=name, login=spip_url(name).lower(), statut="1comite")

    def documents(self):
        self.images, self.files = [], []
        img = self.out / "IMG"
        for id_doc in range(1, self.n_documents + 1):
            when = START + datetime.timedelta(days=id_doc * 7300 // self.n_documents)
            roll = self.rng.random()
            distant = roll > 0.97
            if distant:
                ext, fichier = "html", f"https://www.youtube.com/watch?v=cuf{id_doc:05d}"
                media = "video"
            else:
                ext = self.rng.choice(IMAGE_EXTENSIONS if roll < 0.6 else FILE_EXTENSIONS)
                fichier = f"{ext}/document_{id_doc}.{ext}"
                media = "image" if ext in IMAGE_EXTENSIONS else {"mp3": "audio", "mp4": "video"}.get(ext, "file")
            row = {
                "id_document": id_doc,
                "extension": ext,
                "titre": f"Document {id_doc}" if roll < 0.9 else "",
                "date": fmt(when),
                "descriptif": f"Légende du document {id_doc}" if roll < 0.5 else "",
                "fichier": fichier,
                "media": media,
                "mode": "image" if media == "image" else "document",
                "distant": "oui" if distant else "non",
                "statut": "publie",
                "credits": "Cités Unies France" if roll < 0.3 else "",
                "alt": f"Photographie {id_doc}" if media == "image" and roll < 0.4 else "",
                "date_publication": fmt(when),
            }
            if not distant and id_doc % 97 != 0:  # every 97th file is missing from IMG/
                path = img / fichier
                path.parent.mkdir(parents=True, exist_ok=True)
                data = self.file_bytes(ext, id_doc)
                path.write_bytes(data)
                row.update(taille=len(data))
                if media == "image":
                    row.update(largeur=24, hauteur=16)
            self.add("spip_documents", **row)
            (self.images if media == "image" else self.files).append(id_doc)

    def file_bytes(self, ext, n):
        if ext in IMAGE_EXTENSIONS:
            buffer = io.BytesIO()
            colour = (n * 37 % 256, n * 91 % 256, n * 53 % 256)
            fmt_name = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}[ext]
            Image.new("RGB", (24, 16), colour).save(buffer, format=fmt_name)
            return buffer.getvalue()
        if ext == "pdf":
            return tiny_pdf(f"Document {n}")
        if ext == "zip":
            return b"PK\x05\x06" + b"\0" * 18
        if ext in ("odt", "docx"):
            return b"PK\x03\x04" + f"document {n}".encode()
        return f"{ext} content {n}\n".encode()

    def articles(self):
        section_ids = [s[0] for s in words.SECTIONS]
        weights = [12 if s in (1, 11, 111) else 3 if s in (2, 31, 32, 33, 34) else 1 for s in section_ids]
        statuses = ["publie"] * 85 + ["prop"] * 5 + ["prepa"] * 3 + ["refuse"] * 4 + ["poubelle"] * 3
        self.article_ids = []
        id_logo = self.n_documents
        for id_art in range(1, self.n_articles + 1):
            when = START + datetime.timedelta(days=id_art * 7300 // self.n_articles, hours=id_art % 9)
            rub = self.rng.choices(section_ids, weights)[0]
            title = f"{self.rng.choice(words.TITLE_STARTS)} {self.rng.choice(words.TITLE_ENDS)}"
            lang = "en" if self.sector[rub] == 6 else "fr"
            status = self.rng.choice(statuses)
            self.add(
                "spip_articles",
                id_article=id_art,
                surtitre="Coopération" if id_art % 5 == 0 else "",
                titre=title,
                soustitre="Un sous-titre" if id_art % 7 == 0 else "",
                id_rubrique=rub,
                descriptif=f"Résumé de l’article {id_art}.",
                chapo=f"Le chapô de l’article {{{{{id_art}}}}}." if id_art % 3 else "",
                texte=self.article_text(id_art),
                ps="Merci à nos partenaires." if id_art % 11 == 0 else "",
                date=fmt(when),
                statut=status,
                id_secteur=self.sector[rub],
                date_modif=fmt(when + datetime.timedelta(days=2)),
                lang=lang,
                id_trad=id_art - 1 if lang == "en" and id_art > 1 else 0,
                maj=fmt(when),
            )
            self.article_ids.append(id_art)
            older = f"Ancien titre {id_art}" if id_art % 13 == 0 else None
            self.add_url("article", id_art, title, when, older=older)
            for id_mot in self.rng.sample(self.mots[1], 1) + self.rng.sample(self.mots[2], 2):
                self.add("spip_mots_liens", id_mot=id_mot, id_objet=id_art, objet="article")
            if id_art % 10 == 0:
                self.add("spip_mots_liens", id_mot=self.mots[3][0], id_objet=id_art, objet="article")
            for rank, id_doc in enumerate(self.rng.sample(self.images + self.files, 2), start=1):
                self.add("spip_documents_liens", id_document=id_doc, id_objet=id_art, objet="article", rang_lien=rank)
            self.add("spip_auteurs_liens", id_auteur=1 + id_art % len(words.AUTHORS), id_objet=id_art, objet="article")
            if id_art % 4 == 0:  # a logo: SPIP 4 stores it as a document of mode "logoon"
                id_logo += 1
                self.logo(id_logo, id_art, when)
            if rub == 2 or id_art % 25 == 0:
                self.event(id_art, when, title, status)

    def logo(self, id_doc, id_art, when):
        fichier = f"jpg/arton{id_art}.jpg"
        path = self.out / "IMG" / fichier
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.file_bytes("jpg", id_doc))
        self.add(
            "spip_documents",
            id_document=id_doc,
            extension="jpg",
            fichier=fichier,
            mode="logoon",
            media="image",
            statut="publie",
            date=fmt(when),
            largeur=24,
            hauteur=16,
            distant="non",
            titre="",
        )
        self.add("spip_documents_liens", id_document=id_doc, id_objet=id_art, objet="article")

    def event(self, id_art, when, title, status):
        self.n_events = getattr(self, "n_events", 0)
        for extra in range(1 if id_art % 3 else 2):
            self.n_events += 1
            start = when + datetime.timedelta(days=20 + 7 * extra, hours=4)
            all_day = self.n_events % 4 == 0
            self.add(
                "spip_evenements",
                id_evenement=self.n_events,
                id_article=id_art,
                date_debut=fmt(start),
                date_fin=fmt(start + datetime.timedelta(hours=3 if not all_day else 24)),
                titre=title if not extra else f"{title} (deuxième session)",
                descriptif="Rencontre ouverte aux collectivités adhérentes.",
                lieu=self.rng.choice(["Paris", "Strasbourg", "en visioconférence", "Lyon"]),
                adresse="9 rue Christiani, 75018 Paris",
                horaire="non" if all_day else "oui",
                statut="publie" if status == "publie" else "prop",
                date_creation=fmt(when),
            )

    def article_text(self, id_art):
        picks = self.rng.sample(words.PARAGRAPHS, 5)
        earlier = self.rng.randint(1, max(1, id_art - 1))
        rub = str(self.rng.choice([1, 2, 3, 7]))
        parts = [
            p.replace("@ART@", str(earlier)).replace("@RUB@", rub).replace("@DOC@", str(1 + id_art % 50)) for p in picks
        ]
        if self.images and id_art % 2:
            parts.insert(1, f"<img{self.rng.choice(self.images)}|left>")
        if self.files and id_art % 3 == 0:
            parts.append(f"<doc{self.rng.choice(self.files)}>")
        if id_art % 17 == 0:
            parts.append(f"<emb{self.rng.choice(self.images + self.files)}>")
        if id_art % 29 == 0:
            parts.append("Un lien vers [un article disparu->art999999].")
        return "\n\n".join(parts)

    def meta(self):
        structure = {name: {"field": {}, "key": {}} for name in self.rows}
        self.add("spip_meta", nom="dump_structure_temp", valeur=php_serialize(structure), impt="non")
        self.add("spip_meta", nom="version_installee", valeur="2022042500", impt="oui")
        self.add("spip_meta", nom="nom_site", valeur="Cités Unies France", impt="oui")
        self.add("spip_meta", nom="adresse_site", valeur="https://cites-unies-france.org", impt="oui")
        self.add("spip_meta", nom="langue_site", valeur="fr", impt="oui")
        self.add("spip_meta", nom="charset", valeur="utf-8", impt="oui")

    def write(self):
        self.out.mkdir(parents=True, exist_ok=True)
        self.sections()
        self.keywords()
        self.authors()
        self.documents()
        self.articles()
        self.meta()
        backup = self.out / "cuf_20261201.sqlite"
        backup.unlink(missing_ok=True)
        with sqlite3.connect(backup) as connection:
            create_tables(connection)
            for table, rows in self.rows.items():
                columns = sorted({key for row in rows for key in row})
                sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608
                connection.executemany(sql, [tuple(row.get(c, _default(c)) for c in columns) for row in rows])
        connection.close()
        counts = {table: len(rows) for table, rows in self.rows.items()}
        return Fixture(backup=backup, img_dir=self.out / "IMG", counts=counts)


def _default(column):
    return 0 if column.startswith("id_") or column in {"taille", "largeur", "hauteur", "rang_lien"} else ""


def tiny_pdf(text):
    """A valid one-page PDF with `text`."""
    stream = f"BT /F1 12 Tf 20 50 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def generate(out_dir, size="small", seed=17):
    return Generator(out_dir, size=size, seed=seed).write()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    fixture = generate(args.out_dir, args.size, args.seed)
    print(f"{fixture.backup} and {fixture.img_dir}: {fixture.counts}")


if __name__ == "__main__":
    main()
