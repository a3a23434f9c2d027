"""SPIP typography → rich text and blocks, on strings."""

import pytest

from spip_import.typo import Resolver, convert, convert_inline


class FakeResolver(Resolver):
    def link(self, kind, spip_id):
        return {
            ("article", 12): ("page", 40, "Un article"),
            ("rubrique", 3): ("url", "/actualites/", "Actualités"),
            ("document", 5): ("document", 7, "Rapport"),
            ("article", 13): ("pending", "/spip.php?article13", "Plus tard"),
        }.get((kind, spip_id))

    def document(self, spip_id):
        return {
            1: {"kind": "image", "image": 9, "caption": "Une légende", "credit": "CUF"},
            2: {"kind": "document", "document": 4, "label": "Rapport annuel"},
            3: {"kind": "embed", "url": "https://www.youtube.com/watch?v=x", "title": "Vidéo"},
            4: {"kind": "missing", "name": "IMG/pdf/absent.pdf"},
        }.get(spip_id)


def html(text):
    return convert(text, FakeResolver()).paragraphs_html()


@pytest.mark.parametrize(
    ("spip", "expected"),
    [
        ("{{gras}}", "<p><b>gras</b></p>"),
        ("{italique}", "<p><i>italique</i></p>"),
        ("{{gras}} puis {penché}", "<p><b>gras</b> puis <i>penché</i></p>"),
        ("12~mars", "<p>12\u00a0mars</p>"),
        ("un&nbsp;&eacute;t&eacute; &amp; <", "<p>un\u00a0été &amp; &lt;</p>"),
        ("ligne un\n_ ligne deux", "<p>ligne un<br/>ligne deux</p>"),
        ("une\nphrase", "<p>une phrase</p>"),
        ("<b>gras</b> <em>penché</em> <sup>e</sup>", "<p><b>gras</b> <i>penché</i> <sup>e</sup></p>"),
        ('<a href="https://a.org/">lien</a>', '<p><a href="https://a.org/">lien</a></p>'),
        ("le <code>{{code}}</code>", "<p>le {{code}}</p>"),
    ],
)
def test_inline_typography(spip, expected):
    assert html(spip) == expected


@pytest.mark.parametrize(
    ("spip", "expected"),
    [
        ("[CUF->https://cites-unies-france.org]", '<a href="https://cites-unies-france.org">CUF</a>'),
        ("[->www.example.org]", '<a href="https://www.example.org">www.example.org</a>'),
        ("[écrire->contact@cuf.org]", '<a href="mailto:contact@cuf.org">écrire</a>'),
        ("[texte->art12]", '<a linktype="page" id="40">texte</a>'),
        ("[texte->12]", '<a linktype="page" id="40">texte</a>'),
        ("[->art12]", '<a linktype="page" id="40">Un article</a>'),
        ("[->rub3]", '<a href="/actualites/">Actualités</a>'),
        ("[le rapport->doc5]", '<a linktype="document" id="7">le rapport</a>'),
        ("[{{gras}}->art12]", '<a linktype="page" id="40"><b>gras</b></a>'),
    ],
)
def test_links(spip, expected):
    assert expected in html(spip)


def test_dangling_and_pending_links_are_reported():
    result = convert("[mort->art99] et [plus tard->art13]", FakeResolver())
    assert result.dangling == ["article 99"]
    assert result.pending is True
    assert "mort" in result.paragraphs_html() and 'href="/spip.php?article13"' in result.paragraphs_html()


def test_subheading_quote_and_code_blocks():
    result = convert("{{{Les étapes}}}\n\n<quote>Agir ensemble.</quote>\n\n<code>ligne 1\nligne <2></code>")
    assert result.blocks[0] == ("heading", {"text": "Les étapes", "level": "h2"})
    assert result.blocks[1] == ("quote", {"quote": "Agir ensemble.", "author": "", "role": ""})
    assert result.blocks[2] == ("paragraph", "<p>ligne 1<br/>ligne &lt;2&gt;</p>")


def test_lists():
    assert html("-* un\n-** sous\n-* deux") == "<ul><li>un<ul><li>sous</li></ul></li><li>deux</li></ul>"
    assert html("-# premier\n-# second") == "<ol><li>premier</li><li>second</li></ol>"
    assert html("- tiret") == "<ul><li>tiret</li></ul>"


def test_tables_become_lists_and_are_reported():
    result = convert("|{{Ville}}|{{Montant}}|\n|Lyon|15 000 €|")
    assert result.paragraphs_html() == "<ul><li><b>Ville – Montant</b></li><li>Lyon – 15 000 €</li></ul>"
    assert result.unknown == ["tableau converti en liste"]


def test_document_models():
    result = convert("Avant <img1|left> après\n\n<doc2>\n\n<emb3>\n\n<doc4>\n\n<doc8>", FakeResolver())
    kinds = [kind for kind, _ in result.blocks]
    assert kinds == ["paragraph", "image", "paragraph", "document", "embed"]
    assert result.blocks[1][1] == {"image": 9, "caption": "Une légende", "credit": "CUF"}
    assert result.blocks[3][1] == {"document": 4, "label": "Rapport annuel"}
    assert result.blocks[4][1] == {"url": "https://www.youtube.com/watch?v=x", "title": "Vidéo"}
    assert result.missing == ["IMG/pdf/absent.pdf"]
    assert result.dangling == ["document 8 (<doc8>)"]


def test_footnotes_become_numbered_notes():
    result = convert("Un texte[[Première note.]] et un autre[[{{Seconde}}.]]")
    assert result.blocks[0] == ("paragraph", "<p>Un texte<sup>1</sup> et un autre<sup>2</sup></p>")
    assert result.blocks[1] == ("heading", {"text": "Notes", "level": "h3"})
    assert result.blocks[2] == ("paragraph", "<p><sup>1</sup> Première note.</p><p><sup>2</sup> <b>Seconde</b>.</p>")


def test_multi_picks_the_language():
    assert html("<multi>[fr]Bonjour[en]Hello</multi>") == "<p>Bonjour</p>"
    assert convert("<multi>[fr]Bonjour[en]Hello</multi>", lang="en").paragraphs_html() == "<p>Hello</p>"
    assert html("<multi>Défaut [en]Hello</multi>") == "<p>Défaut</p>"


def test_unknown_markup_is_kept_as_text_and_reported():
    result = convert("Un <boite>encadré</boite> et {{{{{spécial}}}}} et <galerie12>.")
    assert "&lt;boite&gt;encadré&lt;/boite&gt;" in result.paragraphs_html()
    assert "{{{{{spécial}}}}}" in result.paragraphs_html()
    assert set(result.unknown) >= {"<boite>", "</boite>", "{{{{{spécial}}}}}"}


def test_consecutive_paragraphs_share_one_block():
    result = convert("Premier.\n\nSecond.")
    assert result.blocks == [("paragraph", "<p>Premier.</p><p>Second.</p>")]


def test_inline_fields_are_plain_text():
    assert convert_inline("Le {{chapô}} du 12~mars[[note]] &amp; <multi>[fr]fin[en]end</multi>") == (
        "Le chapô du 12\u00a0mars & fin"
    )
