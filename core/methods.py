"""Which HTTP methods a public page, or one route of a routable page, answers.

Wagtail serves a page (and every route of a routable page: feeds, iCalendar, sub-pages) whatever the
method, so `PUT /actualites/` or `POST /fonds-de-solidarite/<slug>/` rendered the page with a 200.
Pages and routes are read-only unless they say otherwise: a page whose own URL takes a form lists its
methods in `http_methods`; on a routable page, each route that takes a form is decorated with
`@accepts_post`, so a fund's pledge form accepts POST and the fund page itself does not.
"""

READ_METHODS = ("GET", "HEAD")
FORM_METHODS = ("GET", "HEAD", "POST")


def accepts_post(view):
    """Mark a route of a RoutablePageMixin page as a form that posts to its own URL."""
    view.http_methods = FORM_METHODS
    return view


def allowed_methods(page, serve_args):
    """The methods of the route Wagtail resolved (a routable page passes its view first), else the page's."""
    view = serve_args[0] if serve_args and callable(serve_args[0]) else None
    if view is not None:
        return getattr(view, "http_methods", READ_METHODS)
    return getattr(page, "http_methods", READ_METHODS)
