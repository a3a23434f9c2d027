"""Hypothesis strategies for hostile requests: values, query strings, paths and headers.

Everything is built as the raw WSGI environ a server would pass (PEP 3333: QUERY_STRING as sent,
PATH_INFO percent-decoded, both bytes seen as latin-1 strings), so invalid percent-encoding and
invalid UTF-8 reach Django exactly as from the network.
"""

import string
from urllib.parse import quote, quote_from_bytes

from hypothesis import strategies as st

from .routes import UNKNOWN_PARAMS

# A tag that must never come back unescaped: the reflected-markup property looks for it in bodies.
MARKER = "<x-fuzz>"
MARKERS = (MARKER, f'"{MARKER}', f"'>{MARKER}", f"</title>{MARKER}", f'">{MARKER}<"')

# Plausible values of each parameter on the fuzz site (conftest fills slugs); hostile ones are mixed in.
REAL_VALUES = {
    "page": ("1", "2", "3"),
    "p": ("1", "2"),
    "type": ("actualite", "communique", "texte", "photo", "video"),
    "format": ("presentiel", "en-ligne", "hybride"),
    "statut": ("ouvert", "imminent", "clos"),
    "region": ("bretagne", "ile-de-france", "auvergne-rhone-alpes", "baviere"),
    "groupe": ("liban", "armenie", "inconnu"),
    "adherent": ("oui", "non", "peut-etre"),
    "annee": ("2025", "2026"),
    "mois": ("2026-03", "2025-12"),
    "date": ("2025-05-02", "0001-01-01", "9999-12-31", "2025-02-30", "99999-01-01", "-1-01-01", "1e9"),
    "go_live_at": ("0001-01-01 00:00", "0001-01-01 00:30", "9999-12-31 23:59", "2025-13-01 10:00", "01/01/0001 00:00"),
    "expire_at": ("0001-01-01 00:00", "9999-12-31 23:59", "31/12/9999 23:59"),
    "kind": ("actualite", "ACTUALITE", "autre"),
    "body": ('[{"type": "paragraph", "value": 1}]', '{"type": null}', "[]", "null", '[{"type": "heading"}]'),
    "body-0-type": ("paragraph", "heading", "quote", "inconnu", ""),
    "body-count": ("1", "-1", "99999999999999999999", "x", "0"),
    "countries": ("1", "0", "-1", "99999999999999999999", "x"),
    "next": ("/admin/", "//evil.example/", "javascript:alert(1)", "/\\evil.example", "https://testserver/admin/"),
    "q": ("solidarité", "l'eau", "l’eau potable", "coopération décentralisée", "Nord-Sud", '"jumelage"'),
}

NUMBERS = st.one_of(
    st.integers(min_value=10**18, max_value=10**40).map(str),
    st.integers().map(str),
    st.integers(max_value=-1).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        ("0", "-0", "1.5", "1e400", "NaN", "inf", "-inf", "0x10", "1_000", " 2 ", "٣", "２", "9" * 30, "9" * 5000, "+3")
    ),
)

FUZZ_CHARS = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included
SPECIAL_TEXT = st.sampled_from(
    (
        "\x00",
        "a\x00b",
        "\r\n",
        "\t\x0b\x0c",
        "\x1b[31m",
        "\u202e",
        "\ufeff",
        "\ud800",
        "\udfff",
        '"unclosed',
        '&|!():*"',
        "' OR 1=1 --",
        "%",
        "NEAR(a b)",
        "a* OR b*",
        "-x",
        "^",
        "{}",
        "l'eau",
        "Œuvre",
        "…",
        "🌍",
        *MARKERS,
    )
)

TEXT_VALUES = st.one_of(
    SPECIAL_TEXT,
    st.text(alphabet=string.printable, max_size=40),
    st.text(FUZZ_CHARS, max_size=40),
    st.integers(min_value=201, max_value=6000).map(lambda n: "x" * n),
    st.builds(lambda a, m, b: a + m + b, st.text(max_size=5), st.sampled_from(MARKERS), st.text(max_size=5)),
)


NUMERIC_PARAMS = ("page", "p", "annee", "body-count", "countries")


def value_for(name, real_values):
    """Any value a request may carry for `name`: real ones often, hostile ones the rest of the time
    (numbers first for a numeric parameter, odd text first for the others)."""
    real = st.sampled_from(real_values.get(name) or REAL_VALUES.get(name) or ("x",))
    if name in NUMERIC_PARAMS:
        return st.one_of(NUMBERS, real, TEXT_VALUES)
    return st.one_of(TEXT_VALUES, real, NUMBERS)


def encode(value):
    """Percent-encode a value as a browser would (UTF-8), or, for lone surrogates, their invalid UTF-8 bytes."""
    return quote_from_bytes(value.encode("utf-8", "surrogatepass"), safe="")


RAW_GARBAGE = st.sampled_from(
    ("%", "%z", "%zz", "%e9", "%c3", "%ff%fe", "%ed%a0%80", "%00", "%C0%AF", "+", "%2B", "&&", "==", ";", "%25")
)


@st.composite
def query_string(draw, params, real_values):
    """A raw QUERY_STRING: known parameters (repeated, array-style), unknown ones, raw garbage."""
    fields = []
    names = list(params) or ["page"]
    if draw(st.integers(0, 9)) < 4:  # one known parameter with a hostile value: the commonest real failure
        name = draw(st.sampled_from(names))
        return f"{name}={encode(draw(value_for(name, real_values)))}"
    for _ in range(draw(st.integers(min_value=1, max_value=5)) if draw(st.integers(0, 9)) else 0):
        kind = draw(
            st.sampled_from(("known", "unknown", "array", "garbage")) if draw(st.booleans()) else st.just("known")
        )
        if kind == "garbage":
            fields.append(draw(RAW_GARBAGE) + draw(st.sampled_from(("", "=", "=1", "=%"))))
            continue
        name = draw(st.sampled_from(names))
        if kind == "unknown":
            name = draw(st.sampled_from(UNKNOWN_PARAMS))
        elif kind == "array":
            name = f"{name}[]"
        value = draw(value_for(name.rstrip("[]"), real_values))
        raw_value = draw(st.sampled_from(("encoded", "encoded", "raw", "garbage")))
        if raw_value == "raw":
            # Sent unencoded (a careless client): latin-1 bytes of the UTF-8 text, as a server hands them over.
            value_text = value.encode("utf-8", "surrogatepass").decode("latin-1")
        elif raw_value == "garbage":
            value_text = encode(value) + draw(RAW_GARBAGE)
        else:
            value_text = encode(value)
        fields.append(f"{quote(name, safe='[]')}={value_text}")
    separator = draw(st.sampled_from(("&",) * 6 + (";", "&&")))
    return separator.join(fields)


SEGMENTS = st.one_of(
    st.text(FUZZ_CHARS, min_size=1, max_size=20),
    SPECIAL_TEXT,
    st.sampled_from(("..", ".", "%2e%2e", "a" * 300, "index.php", "wp-login.php", "flux.xml", "agenda.ics")),
)


@st.composite
def path_info(draw, path):
    """PATH_INFO as a server passes it: percent-decoded bytes read as latin-1; sometimes with a hostile
    segment instead of the last one, invalid UTF-8, or a trailing variation."""
    kind = draw(st.sampled_from(("as-is", "as-is", "segment", "bytes", "suffix")))
    if kind == "segment":
        stem = path.rstrip("/").rsplit("/", 1)[0] + "/"
        raw = (stem + draw(SEGMENTS) + draw(st.sampled_from(("/", "")))).encode("utf-8", "surrogatepass")
    elif kind == "bytes":
        raw = path.encode() + draw(st.binary(min_size=1, max_size=12)) + b"/"
    elif kind == "suffix":
        raw = path.encode() + draw(st.sampled_from((b"/", b"//", b"index.html", b"%00", b"\x00", b"?", b";x")))
    else:
        raw = path.encode()
    return raw.decode("latin-1")


HEADER_TEXT = st.one_of(
    st.text(alphabet=string.printable, max_size=60),
    st.binary(max_size=30).map(lambda raw: raw.decode("latin-1")),
    st.sampled_from(MARKERS),
)


@st.composite
def headers(draw):
    """Odd Accept, Accept-Encoding, If-None-Match, Range, Host (and a few more) headers, as WSGI keys."""
    environ = {}
    choices = {
        "HTTP_ACCEPT": st.one_of(
            st.sampled_from(("*/*", "application/json", "text/html;q=0", "image/*", "", "text/calendar")), HEADER_TEXT
        ),
        "HTTP_ACCEPT_ENCODING": st.one_of(
            st.sampled_from(("gzip", "br, gzip;q=0", "identity;q=0", "*", "gzip, deflate, br, zstd", "")), HEADER_TEXT
        ),
        "HTTP_IF_NONE_MATCH": st.one_of(st.sampled_from(('"x"', "*", 'W/"1"', '"', "W/", '"a", "b"', "")), HEADER_TEXT),
        "HTTP_IF_MODIFIED_SINCE": st.one_of(st.sampled_from(("Thu, 01 Jan 1970 00:00:00 GMT", "0", "-1")), HEADER_TEXT),
        "HTTP_RANGE": st.one_of(
            st.sampled_from(("bytes=0-0", "bytes=-1", "bytes=99999999999999999999-", "bytes=5-1", "lines=1-2")),
            HEADER_TEXT,
        ),
        "HTTP_HOST": st.one_of(
            st.sampled_from(
                ("testserver", "evil.example", "testserver:99999", "[::1", "a b", "testserver:abc", "", "TESTSERVER.")
            ),
            HEADER_TEXT,
        ),
        "HTTP_ACCEPT_LANGUAGE": st.one_of(st.sampled_from(("en", "fr-FR,fr;q=0.9", "*", "zz-ZZ;q=2")), HEADER_TEXT),
        "HTTP_COOKIE": st.one_of(
            st.sampled_from(("sessionid=x", "sessionid=abcdefgh\x00ij", "csrftoken=<x>", "=;;", "a=\x00")), HEADER_TEXT
        ),
        "HTTP_X_FORWARDED_FOR": HEADER_TEXT,
        "HTTP_USER_AGENT": HEADER_TEXT,
    }
    for name in draw(st.lists(st.sampled_from(sorted(choices)), unique=True, max_size=4)):
        environ[name] = draw(choices[name])
    return environ
