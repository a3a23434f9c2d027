"""The public routes of the newsletter index page (/lettre/): subscribe, confirm, preferences, unsubscribe.

Answers never tell whether an address is subscribed: a new, pending, confirmed or unsubscribed address
gets the same page, and one email (a confirmation, or for a confirmed address a notice with its
preferences link). Every page with a form carries a CSRF token and `Cache-Control: private, no-store`,
so the page cache never stores it. The unsubscribe route is CSRF-exempt (cuf_cms/urls.py): its signed
token is the authorisation, and mail clients POST to it for RFC 8058 one-click unsubscribe.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.contrib.routable_page.models import path

from core.methods import accepts_post
from newsletter.choices import SubscriberSource, SubscriberStatus
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models.records import Subscriber, normalise_email
from newsletter.tasks import send_confirmation
from newsletter.tokens import key_from_confirm_token, key_from_manage_token, manage_token


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def over_limit(kind, value, limit, window=3600):
    """Count one attempt for (kind, value) in the shared cache; True past `limit` attempts per `window` s."""
    key = f"newsletter:rate:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


def private(response):
    add_never_cache_headers(response)  # also marks it private: never stored by the page cache or a CDN
    return response


def subscriber_for(key):
    return Subscriber.objects.filter(key=key).first() if key else None


class NewsletterRoutesMixin:
    """Routes of NewsletterIndexPage; templates under newsletter/templates/newsletter/."""

    def render_route(self, request, template, status=200, **context):
        response = self.render(request, template=f"newsletter/{template}.html", context_overrides=context)
        response.status_code = status
        return private(response)

    @path("")
    @accepts_post
    def index_view(self, request):
        if request.method == "POST":
            return self.subscribe(request)
        return self.render_route(request, "index_page", form=SubscribeForm(), issues=self.issues()[:6])

    def subscribe(self, request):
        form = SubscribeForm(request.POST)
        if form.is_bot():
            return redirect(self.url + self.reverse_subpage("thanks"))
        if over_limit("ip", client_ip(request), settings.NEWSLETTER_RATE_PER_IP):
            form.add_error(None, "Trop de demandes depuis votre connexion. Réessayez dans une heure.")
            return self.render_route(request, "index_page", status=429, form=form, issues=self.issues()[:6])
        if not form.is_valid():
            return self.render_route(request, "index_page", status=400, form=form, issues=self.issues()[:6])
        email = normalise_email(form.cleaned_data["email"])
        # Per address: past the limit the answer is the same, only no more email goes out.
        if not over_limit("email", email, settings.NEWSLETTER_RATE_PER_EMAIL):
            subscriber = self.record_subscription(form.cleaned_data, email)
            transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))
        return redirect(self.url + self.reverse_subpage("thanks"))

    @staticmethod
    @transaction.atomic
    def record_subscription(data, email):
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"source": SubscriberSource.FORM}
        )
        if subscriber.is_confirmed:
            return subscriber  # its preferences change only from its own preferences link
        subscriber.status = SubscriberStatus.PENDING
        subscriber.name = data["name"]
        subscriber.organisation = data["organisation"]
        subscriber.consent_at = timezone.now()
        subscriber.save()
        subscriber.countries.set(data["countries"])
        subscriber.themes.set(data["themes"])
        return subscriber

    @path("merci/", name="thanks")
    def thanks_view(self, request):
        return self.render_route(request, "thanks")

    @path("archives/", name="archives")
    def archives_view(self, request):
        return self.render(request, template="newsletter/archives.html", context_overrides={"issues": self.issues()})

    @path("confirmer/<str:token>/", name="confirm")
    @accepts_post
    def confirm_view(self, request, token):
        """GET shows a button (mail scanners that follow links confirm nothing); POST confirms."""
        subscriber = subscriber_for(key_from_confirm_token(token))
        if subscriber is None or subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            return self.render_route(request, "invalid_link", status=404)
        if request.method == "POST" and not subscriber.is_confirmed:
            subscriber.confirm()
        if subscriber.is_confirmed:
            return self.render_route(request, "confirmed", subscriber=subscriber, **self.manage_urls(subscriber))
        return self.render_route(request, "confirm", subscriber=subscriber)

    def manage_urls(self, subscriber):
        manage = manage_token(subscriber)
        return {
            "preferences_url": self.url + self.reverse_subpage("preferences", args=[manage]),
            "unsubscribe_url": self.url + self.reverse_subpage("unsubscribe", args=[manage]),
        }

    @path("preferences/<str:token>/", name="preferences")
    @accepts_post
    def preferences_view(self, request, token):
        subscriber = subscriber_for(key_from_manage_token(token))
        if subscriber is None or not subscriber.is_confirmed:
            return self.render_route(request, "invalid_link", status=404)
        initial = {
            "name": subscriber.name,
            "organisation": subscriber.organisation,
            "countries": subscriber.countries.all(),
            "themes": subscriber.themes.all(),
        }
        form = PreferencesForm(request.POST or None, initial=initial)
        saved = False
        status = 200
        if request.method == "POST":
            if form.is_valid():
                with transaction.atomic():
                    subscriber.name = form.cleaned_data["name"]
                    subscriber.organisation = form.cleaned_data["organisation"]
                    subscriber.save(update_fields=["name", "organisation"])
                    subscriber.countries.set(form.cleaned_data["countries"])
                    subscriber.themes.set(form.cleaned_data["themes"])
                saved = True
            else:
                status = 400
        unsubscribe_url = self.url + self.reverse_subpage("unsubscribe", args=[token])
        return self.render_route(
            request, "preferences", status=status, form=form, saved=saved, unsubscribe_url=unsubscribe_url
        )

    @path("desinscription/<str:token>/", name="unsubscribe")
    @accepts_post
    def unsubscribe_view(self, request, token):
        """GET: a page with a confirm button. POST: unsubscribes, from that page or from a mail client's
        one-click (body "List-Unsubscribe=One-Click", RFC 8058: answered without a page)."""
        subscriber = subscriber_for(key_from_manage_token(token))
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        if request.method == "POST":
            if subscriber is not None:
                subscriber.unsubscribe()
            if one_click:
                return private(HttpResponse("Désinscription enregistrée.", content_type="text/plain; charset=utf-8"))
            if subscriber is None:
                return self.render_route(request, "invalid_link", status=404)
            return self.render_route(request, "unsubscribed")
        if subscriber is None:
            return self.render_route(request, "invalid_link", status=404)
        if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            return self.render_route(request, "unsubscribed")
        return self.render_route(request, "unsubscribe", subscriber=subscriber)
