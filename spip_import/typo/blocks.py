"""SPIP text → BodyStreamBlock blocks: paragraphs, headings, lists, tables, quotes, code, models, notes.

    convert(text, resolver, lang="fr") → Conversion

Block types and values match core.blocks.BodyStreamBlock: paragraph (rich-text HTML), heading
{text, level}, image {image, caption, credit}, document {document, label}, embed {url, title},
quote {quote, author, role}.
"""

import html
import re

from django.utils.html import escape

from spip_import.typo.inline import Inline
from spip_import.typo.result import Conversion, Resolver

MULTI_RE = re.compile(r"<multi>(.*?)</multi>", re.S)
MULTI_PART_RE = re.compile(r"\[([a-z]{2}(?:_[a-z]+)?)\]")
NOTE_RE = re.compile(r"\[\[(.*?)\]\]", re.S)
SPECIAL_RE = re.compile(
    r"(<quote>.*?</quote>|<poesie>.*?</poesie>|<cadre>.*?</cadre>|<code>[^<]*\n.*?</code>"
    r"|<(?:img|doc|emb)\d+(?:\|[^>]*)?>|\{\{\{(?!\{).*?(?<!\})\}\}\}(?!\}))",
    re.S | re.I,
)
MODEL_RE = re.compile(r"<(img|doc|emb)(\d+)(?:\|([^>]*))?>", re.I)
UNKNOWN_MODEL_RE = re.compile(r"<([a-z_]+)(\d+)(?:\|[^>]*)?>")
LIST_LINE_RE = re.compile(r"^-(\*+|#+)\s*(.*)$")
NOTE_MARK = "\x01"


def pick_language(text, lang):
    """<multi>[fr]… [en]…</multi> → the part in `lang`, else the first one."""

    def choose(match):
        parts = MULTI_PART_RE.split(match.group(1))
        default = parts[0].strip()
        found = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=False))
        return found.get(lang) or default or next(iter(found.values()), "")

    return MULTI_RE.sub(choose, text)


class Converter:
    def __init__(self, resolver=None, lang="fr"):
        self.resolver = resolver or Resolver()
        self.lang = lang

    def convert(self, text):
        result = Conversion()
        inline = Inline(self.resolver, result)
        text = pick_language((text or "").replace("\r\n", "\n").replace("\r", "\n"), self.lang)
        notes = []

        def note(match):
            notes.append(match.group(1))
            return f"{NOTE_MARK}{len(notes)}{NOTE_MARK}"

        text = NOTE_RE.sub(note, text)
        for index, piece in enumerate(SPECIAL_RE.split(text)):
            if index % 2:
                self.special(piece, inline, result)
            else:
                for chunk in re.split(r"\n\s*\n", piece):
                    if chunk.strip():
                        self.chunk(chunk.strip("\n"), inline, result)
        if notes:
            result.blocks.append(("heading", {"text": "Notes", "level": "h3"}))
            items = "".join(f"<p><sup>{n}</sup> {self.inline(note, inline)}</p>" for n, note in enumerate(notes, 1))
            result.blocks.append(("paragraph", items))
        self.merge_paragraphs(result)
        return result

    def inline(self, text, inline):
        converted = inline.convert(text)
        return re.sub(f"{NOTE_MARK}(\\d+){NOTE_MARK}", r"<sup>\1</sup>", converted)

    def special(self, piece, inline, result):
        lower = piece.lower()
        if lower.startswith("<quote>"):
            quote = html.unescape(re.sub(r"<[^>]+>", "", piece[7:-8])).replace("~", "\u00a0").strip()
            result.blocks.append(("quote", {"quote": quote, "author": "", "role": ""}))
        elif lower.startswith(("<poesie>", "<cadre>", "<code>")):
            body = re.sub(r"^<\w+>|</\w+>$", "", piece).strip("\n")
            lines = "<br/>".join(escape(html.unescape(line)) for line in body.split("\n"))
            result.blocks.append(("paragraph", f"<p>{lines}</p>"))
        elif piece.startswith("{{{"):
            text = re.sub(r"<[^>]+>", "", self.inline(piece[3:-3].strip(), inline))
            result.blocks.append(("heading", {"text": html.unescape(text)[:200], "level": "h2"}))
        else:
            self.model(MODEL_RE.match(piece), result)

    def model(self, match, result):
        kind, spip_id = match.group(1).lower(), int(match.group(2))
        found = self.resolver.document(spip_id)
        if found is None:
            result.dangling.append(f"document {spip_id} (<{kind}{spip_id}>)")
        elif found["kind"] == "missing":
            result.missing.append(found.get("name") or f"document {spip_id}")
        elif found["kind"] == "image":
            value = {"image": found["image"], "caption": found.get("caption", "")[:300]}
            result.blocks.append(("image", {**value, "credit": found.get("credit", "")[:200]}))
        elif found["kind"] == "embed":
            result.blocks.append(("embed", {"url": found["url"], "title": found.get("title", "")[:200]}))
        else:
            result.blocks.append(("document", {"document": found["document"], "label": found.get("label", "")[:200]}))

    def chunk(self, chunk, inline, result):
        lines = chunk.split("\n")
        if all(line.lstrip().startswith("|") for line in lines if line.strip()):
            result.blocks.append(("paragraph", self.table(lines, inline)))
            result.unknown.append("tableau converti en liste")
            return
        if re.fullmatch(r"-{4,}|_{4,}", chunk.strip()):  # horizontal rule: nothing to show in rich text
            return
        if LIST_LINE_RE.match(lines[0]) or lines[0].startswith("- "):
            result.blocks.append(("paragraph", self.list(lines, inline)))
            return
        for literal in UNKNOWN_MODEL_RE.findall(chunk):
            if literal[0].lower() not in {"img", "doc", "emb"}:
                result.unknown.append(f"<{literal[0]}{literal[1]}>")
        result.blocks.append(("paragraph", f"<p>{self.inline(chunk, inline)}</p>"))

    def list(self, lines, inline):
        """-* / -# lines (-** nests) → <ul>/<ol>; continuation lines join the previous item."""
        items = []
        for line in lines:
            found = LIST_LINE_RE.match(line)
            if found:
                items.append([len(found.group(1)), "ol" if found.group(1)[0] == "#" else "ul", found.group(2)])
            elif line.startswith("- "):
                items.append([1, "ul", line[2:]])
            elif items:
                items[-1][2] += "\n" + line
        out, stack = [], []
        for depth, tag, text in items:
            while len(stack) > depth:
                out.append(f"</li></{stack.pop()}>")
            if len(stack) == depth:
                out.append("</li>")
            while len(stack) < depth:
                stack.append(tag)
                out.append(f"<{tag}>")
            out.append(f"<li>{self.inline(text, inline)}")
        while stack:
            out.append(f"</li></{stack.pop()}>")
        return "".join(out)

    def table(self, lines, inline):
        """|a|b| rows → one list item per row ("a : b"); rich text has no tables."""
        rows = []
        for line in lines:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells and all(re.fullmatch(r"\{\{.*\}\}", c) for c in cells if c):
                cells = [c[2:-2] for c in cells]  # SPIP's header row: bold cells
                rows.append("<li><b>" + " – ".join(self.inline(c, inline) for c in cells) + "</b></li>")
            else:
                rows.append("<li>" + " – ".join(self.inline(c, inline) for c in cells) + "</li>")
        return "<ul>" + "".join(rows) + "</ul>"

    @staticmethod
    def merge_paragraphs(result):
        """Consecutive paragraphs become one rich-text block, as an editor would write them."""
        merged = []
        for kind, value in result.blocks:
            if kind == "paragraph" and merged and merged[-1][0] == "paragraph":
                merged[-1] = ("paragraph", merged[-1][1] + value)
            else:
                merged.append((kind, value))
        result.blocks = merged


def convert(text, resolver=None, lang="fr"):
    return Converter(resolver, lang).convert(text)


def convert_inline(text, resolver=None, lang="fr"):
    """A one-line field (title, chapo) → plain text, typography applied, no markup."""
    result = Conversion()
    text = NOTE_RE.sub("", pick_language(text or "", lang))
    converted = Inline(resolver or Resolver(), result).convert(text)
    converted = re.sub(NOTE_MARK + r"\d+" + NOTE_MARK, "", converted)
    return html.unescape(re.sub(r"<[^>]+>", "", converted)).strip()
