"""Public pages answer the methods they are read with.

Wagtail serves a page (and every route of a routable page: feeds, iCalendar) whatever the method, so
`PUT /actualites/` or `DELETE /agenda/agenda.ics` rendered the page with a 200. A page that handles a
form on its own URL lists the methods it accepts in `http_methods`.
"""

from django.http import HttpResponseNotAllowed
from wagtail import hooks

READ_METHODS = ("GET", "HEAD")


@hooks.register("before_serve_page")
def refuse_other_methods(page, request, serve_args, serve_kwargs):
    allowed = getattr(page, "http_methods", READ_METHODS)
    if request.method not in allowed:
        return HttpResponseNotAllowed(allowed)
    return None
