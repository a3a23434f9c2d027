"""SPIP's inline typography to Wagtail rich-text HTML (the database format: linktype for pages/documents).

Handles {{bold}}, {italic}, [text->target] links, the HTML SPIP lets through (b, strong, i, em, sup,
sub, br, a href), HTML entities, the non-breaking space "~", "\n_ " line breaks and inline <code>.
Anything else that looks like markup is kept as text and reported.
"""

import html
import re

from django.utils.html import escape

MARK = "\x00"  # placeholders: \x00<index>\x00, untouched by escaping and by the typography rules

LINK_RE = re.compile(r"\[([^\[\]]*?)->([^\[\]]*?)\]")
TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>")
INLINE_CODE_RE = re.compile(r"<code>(.*?)</code>", re.S)
HREF_RE = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.I)
TARGET_RE = re.compile(r"^(art|article|rub|rubrique|doc|document|img|image|emb|mot|br|breve|aut|auteur)?(\d+)(#.*)?$")
KIND_ALIASES = {
    None: "article",
    "art": "article",
    "article": "article",
    "rub": "rubrique",
    "rubrique": "rubrique",
    "doc": "document",
    "document": "document",
    "img": "document",
    "image": "document",
    "emb": "document",
    "mot": "mot",
    "br": "breve",
    "breve": "breve",
    "aut": "auteur",
    "auteur": "auteur",
}
SIMPLE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
BOLD_RE = re.compile(r"\{\{(?!\{)(.+?)\}\}", re.S)
ITALIC_RE = re.compile(r"\{(?!\{)([^{}]+?)\}", re.S)
UNKNOWN_BRACES_RE = re.compile(r"\{\{\{\{+.*?\}\}\}\}+", re.S)


class Inline:
    def __init__(self, resolver, conversion):
        self.resolver = resolver
        self.conversion = conversion
        self.saved = []

    def keep(self, html_fragment):
        self.saved.append(html_fragment)
        return f"{MARK}{len(self.saved) - 1}{MARK}"

    def restore(self, text):
        while MARK in text:
            text = re.sub(f"{MARK}(\\d+){MARK}", lambda m: self.saved[int(m.group(1))], text)
        return text

    def unknown(self, literal):
        self.conversion.unknown.append(literal[:80])
        return self.keep(escape(literal))

    def convert(self, text):
        """SPIP text (one paragraph) → HTML fragment (no enclosing <p>)."""
        text = INLINE_CODE_RE.sub(lambda m: self.keep(escape(html.unescape(m.group(1)))), text)
        text = UNKNOWN_BRACES_RE.sub(lambda m: self.unknown(m.group(0)), text)
        text = LINK_RE.sub(self.link, text)
        text = TAG_RE.sub(self.tag, text)
        text = escape(html.unescape(text))
        text = text.replace("~", "\u00a0")
        text = re.sub(r"\s*\n_ ", self.keep("<br/>"), text)
        text = re.sub(r"\s*\n\s*", " ", text).strip()
        for _ in range(3):  # nested bold/italic
            text = BOLD_RE.sub(lambda m: f"<b>{m.group(1)}</b>", text)
            text = ITALIC_RE.sub(lambda m: f"<i>{m.group(1)}</i>", text)
        return self.restore(text)

    def tag(self, match):
        name, attrs = match.group(1).lower(), match.group(2)
        closing = match.group(0).startswith("</")
        if name in SIMPLE_TAGS:
            return self.keep(f"<{'/' if closing else ''}{SIMPLE_TAGS[name]}>")
        if name == "br":
            return self.keep("<br/>")
        if name == "a":
            if closing:
                return self.keep("</a>")
            href = HREF_RE.search(attrs)
            if href:
                return self.keep(f'<a href="{escape(html.unescape(href.group(1)))}">')
        if name == "span" or name == "p":  # harmless wrappers: keep their text
            return ""
        return self.unknown(match.group(0))

    def link(self, match):
        label, target = match.group(1), match.group(2).strip()
        if "|" in label:  # [text|title->url]: the title hint is dropped
            label = label.split("|", 1)[0]
        label_html = self.convert(label) if label.strip() else ""
        found = TARGET_RE.match(target)
        if found:
            kind, spip_id = KIND_ALIASES[found.group(1)], int(found.group(2))
            resolved = self.resolver.link(kind, spip_id)
            if resolved is None:
                self.conversion.dangling.append(f"{kind} {spip_id}")
                return self.keep(label_html or escape(target))
            how, where, title = resolved
            text = label_html or escape(title)
            if how == "page":
                return self.keep(f'<a linktype="page" id="{where}">{text}</a>')
            if how == "document":
                return self.keep(f'<a linktype="document" id="{where}">{text}</a>')
            if how == "pending":
                self.conversion.pending = True
            return self.keep(f'<a href="{escape(where)}">{text}</a>')
        if re.match(r"^(https?://|mailto:|ftp://)", target, re.I):
            href = target
        elif target.startswith("www."):
            href = "https://" + target
        elif re.match(r"^[^@\s]+@[^@\s]+\.\w+$", target):
            href = "mailto:" + target
        elif target.startswith(("/", "#")):
            href = target
        else:
            return self.unknown(match.group(0))
        return self.keep(f'<a href="{escape(html.unescape(href))}">{label_html or escape(target)}</a>')
