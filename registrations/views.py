"""Public registration pages: /agenda/<slug>/inscription/ (form), …/merci/, …/gerer/<signed token>/.

None of them is stored by the page cache: the form and the management page render a CSRF token and
are sent `Cache-Control: private, no-store`, so the event's own page stays cached for everyone.
"""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from events.models import EventPage
from registrations import services
from registrations.forms import RegistrationForm
from registrations.links import registration_for_token
from registrations.ratelimit import too_many

# The form and the management page post to themselves; other methods answer 405 (not the form again).
FORM_METHODS = ["GET", "HEAD", "POST"]
RATE_LIMIT_MESSAGE = "Trop de demandes d’inscription depuis cette adresse : réessayez dans une heure."


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def get_event(slug):
    event = EventPage.objects.live().public().filter(slug=slug, registration_open=True).first()
    if event is None:
        raise Http404("Pas d’inscription en ligne pour cet événement.")
    return event


def client_ip(request):
    """The visitor's address; behind TRUSTED_PROXY_COUNT proxies, the N-th from the right of X-Forwarded-For."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, email):
    limit = settings.REGISTRATION_RATE_LIMIT
    by_address = too_many("registration-ip", client_ip(request), limit * 4)
    by_email = bool(email) and too_many("registration-email", email, limit)
    return by_address or by_email


@require_http_methods(FORM_METHODS)
def register(request, slug):
    event = get_event(slug)
    services.annotate_seats(event)
    if not event.accepts_registrations:
        return private(render(request, "registrations/closed.html", {"event": event, "page": event}))
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST, event=event)
        if rate_limited(request, request.POST.get("email", "")):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            if not form.is_spam:
                services.register(event, email=form.cleaned_data["email"], **form.registration_fields())
            # The same answer for a new address, one already registered and a robot.
            return redirect(f"{event.url}inscription/merci/")
        else:
            status = 400
    else:
        form = RegistrationForm(event=event)
    context = {"event": event, "form": form, "page": event}
    return private(render(request, "registrations/form.html", context, status=status))


@require_safe
def thanks(request, slug):
    event = get_event(slug)
    return private(render(request, "registrations/thanks.html", {"event": event, "page": event}))


@require_http_methods(FORM_METHODS)
def manage(request, slug, token):
    registration = registration_for_token(token)
    if registration is None or registration.event.slug != slug:
        return private(render(request, "registrations/invalid_link.html", status=404))
    event = registration.event
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "annuler" and registration.is_active:
            services.cancel(registration)
            registration.refresh_from_db()
            done = "cancelled"
        elif action == "effacer":
            services.cancel(registration, erase=True)
            return private(render(request, "registrations/erased.html", {"event": event}))
    context = {"registration": registration, "event": event, "done": done, "token": token}
    return private(render(request, "registrations/manage.html", context))


@require_safe
def personal_data(request, slug, token):
    registration = registration_for_token(token)
    if registration is None or registration.event.slug != slug:
        return private(render(request, "registrations/invalid_link.html", status=404))
    body = json.dumps(registration.personal_data(), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscription-{slugify(registration.event.slug)}.json"'
    return private(response)
