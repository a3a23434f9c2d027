"""Wagtail's routing of a public URL in two queries instead of two per level.

`Page.route_for_request` walks the tree from the site root: at each level the children query for the
next slug, then `.specific` (a second query) so that the child's own `route()` can take over. An
article three levels down costs five queries before its view runs. Wagtail keeps the result on the
request (`_wagtail_route_for_request`) and reads it from there, so this middleware, for the requests
Django hands to Wagtail's serve view, finds the same result with:

1. one query for the page of every prefix of the path (their `url_path`s, which Wagtail keeps in
   step with slugs and moves), checked to be one unbroken line of parent and child;
2. `.specific` of the deepest page found, whose own `route()` then decides with the rest of the path
   (none for a page; a feed's name for a RoutablePage), as in Wagtail.

On the way down, it applies what each ancestor's `route()` would do without loading that ancestor's
specific row: the default `Page.route` goes to the child; a live RoutablePage takes the rest of the
path if one of its sub-page routes matches it (then the middleware steps aside and Wagtail routes).
Anything else (a custom `route()` above the deepest page, a 404, i18n turned on) is left to Wagtail's
own routing, which then runs as before: slower, never different.
"""

import functools
import operator

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site


def ancestor_lets_through(page, remaining):
    """True if Wagtail's routing at `page` (with path components `remaining` left) goes on to its child."""
    page_class = page.specific_class
    if page_class is None:
        return False
    if page_class.route is Page.route:
        return True
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return True
    return False


def page_line(root_path, components):
    """The site root and the pages of the longest prefix of `components` found, top-down, as one line of
    parent and child; None if even the root is missing."""
    prefixes = [root_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    # OR'ed equalities rather than IN: PostgreSQL's hash index (migration core 0010) serves each of them.
    matches = functools.reduce(operator.or_, (Q(url_path=prefix) for prefix in prefixes))
    found = {page.url_path: page for page in Page.objects.filter(matches)}
    line = []
    for prefix, slug in zip(prefixes, [None, *components], strict=True):
        page = found.get(prefix)
        if page is None or (line and not is_child(page, line[-1], slug)):
            break
        line.append(page)
    return line or None


def is_child(page, parent, slug):
    """What Wagtail's `parent.get_children().get(slug=slug)` would return: `page`."""
    return page.slug == slug and page.depth == parent.depth + 1 and page.path.startswith(parent.path)


def route(request, path):
    """Wagtail's RouteResult for `path` on the request's site, or None where Wagtail must decide."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root_path = next((root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk), None)
    if root_path is None:
        return None
    components = [component for component in path.split("/") if component]
    if not components:
        return None  # the home page: Wagtail's routing of the site root is already one query
    line = page_line(root_path, components)
    if line is None or line[0].pk != site.root_page_id:
        return None
    for depth, ancestor in enumerate(line[:-1]):
        if not ancestor_lets_through(ancestor, components[depth:]):
            return None
    page = line[-1].specific
    # As Wagtail's router does: each page knows its parent, so breadcrumbs need no ancestors query.
    children = [*line[1:-1], page] if len(line) > 1 else []
    for parent, child in zip(line[:-1], children, strict=True):
        child._cached_parent_obj = parent
    try:
        # The rest of the path (a RoutablePage's feed, an unknown child) is the page's own route()'s.
        return page.route(request, components[len(line) - 1 :])
    except Http404:
        return None


def is_wagtail_serve(view_func):
    return getattr(view_func, "__wrapped__", view_func) is wagtail_views.serve


class PageRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_wagtail_serve(view_func) and view_args and not hasattr(request, "_wagtail_route_for_request"):
            found = route(request, view_args[0])
            if found is not None:
                request._wagtail_route_for_request = found
