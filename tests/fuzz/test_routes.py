"""Every public route, fed generated query strings, paths, methods and headers: no 5xx, no reflected
markup, the promised content type, a bounded number of queries.

One test per property draws the route (building the fuzz site costs seconds; examples cost
milliseconds): the profile's max_examples is scaled by the number of routes.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .harness import check, count, send
from .routes import ODD_METHODS, ROUTES
from .strategies import SEGMENTS, headers, path_info, query_string

pytestmark = pytest.mark.django_db

PER_ROUTE = max(1, settings.default.max_examples // 5)  # ci: 5 per route and property; make fuzz: 300


PARAM_ROUTES = tuple(route for route in ROUTES if route.params)


def concrete(route, site):
    return route.path.format(**site["slugs"])


@settings(max_examples=2 * PER_ROUTE * len(PARAM_ROUTES))
@given(route=st.sampled_from(PARAM_ROUTES), data=st.data())
def test_generated_parameters(client, fuzz_site, route, data):
    """The route's own path, a generated query string: the parameters are the subject."""
    path = concrete(route, fuzz_site)
    query = data.draw(query_string(route.params, fuzz_site["real_values"]), label="QUERY_STRING")
    method = data.draw(st.sampled_from(("GET", "GET", "GET", "HEAD")), label="method")
    response, queries = send(client, method, path, query)
    count(route.name, "parameters")
    check(response, queries, content_type=route.content_type, max_queries=route.max_queries, where=f"{path}?{query!r}")


@settings(max_examples=PER_ROUTE * len(ROUTES))
@given(route=st.sampled_from(ROUTES), data=st.data())
def test_generated_paths_and_headers(client, fuzz_site, route, data):
    """Variations of the route's path (hostile last segment, invalid UTF-8, suffixes) and odd headers."""
    path = data.draw(path_info(concrete(route, fuzz_site)), label="PATH_INFO")
    query = data.draw(query_string(route.params, fuzz_site["real_values"]), label="QUERY_STRING")
    extra = data.draw(headers(), label="headers")
    method = data.draw(st.sampled_from(("GET", "GET", "GET", "HEAD")), label="method")
    response, queries = send(client, method, path, query, extra)
    count(route.name, "paths and headers")
    expected = route.content_type if path == concrete(route, fuzz_site) and "HTTP_HOST" not in extra else None
    check(response, queries, content_type=expected, max_queries=route.max_queries, where=f"{method} {path!r}?{query!r}")


@settings(max_examples=PER_ROUTE * len(ROUTES))
@given(route=st.sampled_from(ROUTES), method=st.sampled_from(ODD_METHODS), body=st.binary(max_size=64), extra=headers())
def test_odd_methods(client, fuzz_site, route, method, body, extra):
    path = concrete(route, fuzz_site)
    response, queries = send(client, method, path, "", extra, data=body)
    count(route.name, method if method in ("HEAD", "OPTIONS", "POST") else "other methods")
    check(response, queries, max_queries=route.max_queries, where=f"{method} {path}")
    if route.accepts_post and method in ("POST", "PUT"):  # Django's FormView (the admin login) reads PUT as POST
        assert response.status_code in (200, 302, 400, 403, 405, 429), f"{method} {path}: {response.status_code}"
    elif method not in ("HEAD", "OPTIONS"):
        assert response.status_code in (400, 403, 404, 405), f"{method} {path}: {response.status_code}"


@given(
    segments=st.lists(SEGMENTS, min_size=1, max_size=4),
    raw=st.binary(max_size=16),
    query=query_string(("page", "q", "p"), {}),
)
def test_arbitrary_paths(client, fuzz_site, segments, raw, query):
    raw_path = ("/" + "/".join(segments)).encode("utf-8", "surrogatepass") + raw
    path = raw_path.decode("latin-1")
    response, queries = send(client, "GET", path, query)
    count("arbitrary path", "GET")
    check(response, queries, where=f"GET {path!r}?{query!r}")
