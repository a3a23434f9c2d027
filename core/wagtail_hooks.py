"""Public pages answer the methods they are read with (core/methods.py says which)."""

from django.http import HttpResponseNotAllowed
from wagtail import hooks

from .methods import allowed_methods


@hooks.register("before_serve_page")
def refuse_other_methods(page, request, serve_args, serve_kwargs):
    allowed = allowed_methods(page, serve_args)
    if request.method not in allowed:
        return HttpResponseNotAllowed(allowed)
    return None
