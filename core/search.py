"""Site search helpers: which pages are searched, and how the query is shown back."""

import re
import unicodedata
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_HIGHLIGHT_TERMS = 8
MAX_SEARCH_TERMS = 12
# A word found in most pages is ranked among its most recent matches only (see ranked_search).
MAX_RANKED = 1000
# French elisions: « l’eau » is searched as « eau », as the text « l’eau » is indexed as « l » + « eau ».
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’‘`´]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# Markup typed or pasted into the box (« eau"><x-fuzz> »): pages are indexed as text, never as tags.
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

# Letters and their accented forms, so "cooperation" highlights "coopération" too.
ACCENT_CLASSES = {
    "a": "aàâä",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîï",
    "o": "oôö",
    "u": "uùûü",
    "y": "yÿ",
    "œ": "œ",
}
_ACCENT_OF = {accented: base for base, variants in ACCENT_CLASSES.items() for accented in variants}


def clean_query(raw):
    """The query as searched: whitespace collapsed, cut to MAX_QUERY_LENGTH characters."""
    text = " ".join(str(raw or "").replace("\x00", " ").split())
    return text[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of a visitor's query that the search backend receives: letters and digits only.

    Both backends parse what they are given: SQLite FTS5 fails on an unbalanced quote or on its
    operators (« "unclosed », « &|!():* », « "> »), PostgreSQL's to_tsquery on its own. The backends
    index words, never punctuation, so keeping only the words loses nothing a person expects: quotes
    (« "jumelage" »), hyphens (« Nord-Sud »: both words), apostrophes (« l’eau »: « eau »), accents
    (kept; each backend folds them) all still find the same pages; tags are dropped. Words are deduplicated and their
    number bounded, and "" means the query has no word to search.
    """
    text = _TAG.sub(" ", unicodedata.normalize("NFC", str(query or "")))
    text = _ELISION.sub(" ", text)
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(text)))
    return " ".join(words[:MAX_SEARCH_TERMS])


def _term_pattern(term):
    parts = []
    for char in term.lower():
        base = _ACCENT_OF.get(char)
        parts.append(f"[{ACCENT_CLASSES[base]}]" if base else re.escape(char))
    return "".join(parts)


def highlight_pattern(query):
    """A regex matching the words that start with one of the query's terms, accents ignored."""
    terms = [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1][:MAX_HIGHLIGHT_TERMS]
    if not terms:
        return None
    # Match a French plural or stem variant too: the start of each term, minus a trailing s/x/e.
    stems = sorted({term.rstrip("sxe") if len(term) > 4 else term for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_term_pattern(stem) for stem in stems) + r")\w*", re.IGNORECASE)


def highlight(text, query):
    """`text` HTML-escaped, with the query's words wrapped in <mark>: escape first, then mark."""
    text = str(text or "")
    pattern = highlight_pattern(query)
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def excerpt_around(text, query, length=300):
    """A window of `text` of about `length` characters around the first match of the query."""
    text = " ".join(str(text or "").split())
    if len(text) <= length:
        return text
    pattern = highlight_pattern(query)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    window = text[start : start + length]
    if start + length < len(text):
        window = window[: window.rfind(" ")] if " " in window else window
        window += " (…)"
    return ("(…) " if start else "") + window


class KnownLength(Sequence):
    """Search results whose length is already known: the paginator slices them without a COUNT query.
    `capped`: more pages match than the MAX_RANKED ranked here."""

    def __init__(self, results, length, capped=False):
        self.results = results
        self.length = length
        self.capped = capped

    def __len__(self):
        return self.length

    def __getitem__(self, key):
        return self.results[key]


def ranked_search(pages, terms):
    """The matches of `terms` among `pages`, best first, with the number of matches known (KnownLength).

    Ranking reads the whole text vector of every match: « coopération », in nine pages out of ten,
    had 12,000 rows ranked for every search (300 ms on PostgreSQL), and counting them cost as much
    again. One query of keys first finds the MAX_RANKED + 1 most recently published matches, without
    ranking; when there are more than MAX_RANKED, only the MAX_RANKED most recent are ranked and the
    page says "more than MAX_RANKED results" (`capped`) rather than counting them.
    A rarer word is ranked over all its matches, as before.
    """
    matches = pages.order_by("-last_published_at").search(terms, operator="and", order_by_relevance=False)
    recent = list(matches.get_queryset()[: MAX_RANKED + 1].values_list("pk", flat=True))
    if len(recent) <= MAX_RANKED:
        return KnownLength(pages.search(terms, operator="and"), len(recent))
    ranked = pages.filter(pk__in=recent[:MAX_RANKED]).search(terms, operator="and")
    return KnownLength(ranked, MAX_RANKED, capped=True)
