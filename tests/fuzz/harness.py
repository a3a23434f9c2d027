"""Send one generated request through Django and check the properties every public response keeps.

- no 5xx;
- no reflected markup: the MARKER tag never comes back unescaped;
- the content type the route promises (for a 200), HTML or plain text otherwise;
- a bounded number of database queries;
and count what was sent, per route, for the closing report (artifacts/fuzz/stats.json).

`fuzz_form(client, url, fields)` gives any public form the same treatment for POSTs: one line per form.
"""

import collections
import json
import os
import pathlib
from urllib.parse import quote_from_bytes

from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .strategies import MARKER, headers, value_for

STATS_DIR = pathlib.Path(__file__).resolve().parents[2] / "artifacts" / "fuzz"
# (database vendor, route, part) -> requests sent; written at the end of the run by conftest.py.
COUNTS = collections.Counter()
REFLECTED = ("<x-fuzz", "<X-FUZZ")
ERROR_CONTENT_TYPES = ("text/html", "text/plain", "")


def count(route_name, part):
    COUNTS[(connection.vendor, route_name, part)] += 1


def environ_for(path_info, query_string="", method="GET", extra=None):
    environ = {"PATH_INFO": path_info, "QUERY_STRING": query_string, "REQUEST_METHOD": method}
    environ.update(extra or {})
    return environ


def send(client, method, path_info, query_string="", extra=None, data=None):
    """The request as the WSGI server would build it; returns (response, number of queries)."""
    environ = {"PATH_INFO": path_info, "QUERY_STRING": query_string, **(extra or {})}
    # The test client's "path" is only parsed for defaults; PATH_INFO and QUERY_STRING override it.
    with CaptureQueriesContext(connection) as queries:
        if data is not None:
            response = client.generic(method, "/", data, content_type="application/x-www-form-urlencoded", **environ)
        else:
            response = client.generic(method, "/", **environ)
    return response, len(queries)


def body_text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def check(response, queries, *, content_type=None, max_queries=30, where="", error_types=ERROR_CONTENT_TYPES):
    """The properties of any public response (assertion messages say which request failed)."""
    status = response.status_code
    assert status < 500, f"{where}: {status}"
    body = body_text(response)
    for marker in REFLECTED:
        assert marker not in body, f"{where}: reflected markup in a {status} response"
    kind = response.get("Content-Type", "").split(";")[0].strip()
    if status == 200 and content_type:
        assert kind == content_type, f"{where}: {kind!r} instead of {content_type!r}"
    elif status >= 400 and status != 405:
        assert kind in error_types, f"{where}: error page as {kind!r}"
    assert queries <= max_queries, f"{where}: {queries} queries (at most {max_queries})"
    return body


# Form fuzzing ---------------------------------------------------------------------------------------


@st.composite
def form_body(draw, fields):
    """An urlencoded POST body for `fields`: every field, some missing, some repeated, hostile values."""
    pairs = []
    for name in fields:
        for _ in range(draw(st.sampled_from((1, 1, 1, 0, 2)))):
            value = draw(value_for(name, {}))
            pairs.append(f"{name}={quote_from_bytes(value.encode('utf-8', 'surrogatepass'), safe='')}")
    if draw(st.booleans()):
        pairs.append("inconnu=" + quote_from_bytes(MARKER.encode(), safe=""))
    return "&".join(pairs)


def fuzz_form(
    client,
    url,
    fields,
    *,
    max_examples=None,
    max_queries=60,
    allowed_statuses=None,
    before=None,
    after=None,
    error_types=ERROR_CONTENT_TYPES,
):
    """POST generated values to the form at `url` and check: no 5xx, no reflected markup, bounded queries.

    Call it from a test with the client logged in as the role the form is for; `before(client)` runs
    before each POST (e.g. to note the number of records), `after(response)` after it (e.g. to check that
    nothing was saved half-way). Returns how many POSTs were sent.
    """
    sent = []

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
    @given(body=form_body(fields), extra=headers())
    def run(body, extra):
        # Host and Cookie headers have their own properties (routes); here the form is the subject. A
        # generated Cookie also replaced the logged-in session: the server then deleted the session cookie
        # and every later example ran as an anonymous visitor.
        extra.pop("HTTP_HOST", None)
        extra.pop("HTTP_COOKIE", None)
        if before:
            before(client)
        response, queries = send(client, "POST", url, "", extra=extra, data=body)
        sent.append(1)
        COUNTS[(connection.vendor, f"form {url}", "POST")] += 1
        check(response, queries, max_queries=max_queries, where=f"POST {url} {body!r}", error_types=error_types)
        if after:
            after(response)
        if allowed_statuses:
            assert response.status_code in allowed_statuses, f"POST {url} {body!r}: {response.status_code}"

    if max_examples:
        run = settings(max_examples=max_examples)(run)
    run()
    return len(sent)


def write_counts():
    """This process's counts, merged later with the other workers' (tests/conftest.py)."""
    if not COUNTS:
        return
    parts = STATS_DIR / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "solo")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    rows = [[vendor, route, part, number] for (vendor, route, part), number in sorted(COUNTS.items())]
    (parts / f"{run}-{worker}.json").write_text(json.dumps(rows))
