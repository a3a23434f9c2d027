"""Subscribers of "La lettre de la coopération décentralisée", and the sends of its issues.

The pages (the index at /lettre/ and the issues) are in pages.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from newsletter.choices import DeliveryStatus, SendStatus, SubscriberSource, SubscriberStatus


def normalise_email(email):
    """One spelling per address: the whole address lower-cased (mailboxes are case-insensitive in practice)."""
    return (email or "").strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def for_issue(self, issue):
        """Confirmed subscribers who receive `issue` (the targeting rule, README "La lettre"):

        - an issue tagged with no country and no theme goes to every confirmed subscriber;
        - a tagged issue goes to subscribers who chose no preference at all (they asked for everything),
          and to those who chose at least one of the issue's countries or at least one of its themes.
        """
        qs = self.confirmed()
        country_ids = [country.pk for country in issue.countries.all()]
        theme_ids = [theme.pk for theme in issue.themes.all()]
        if not country_ids and not theme_ids:
            return qs
        countries = Subscriber.countries.through.objects.filter(subscriber=OuterRef("pk"))
        themes = Subscriber.themes.through.objects.filter(subscriber=OuterRef("pk"))
        no_preference = ~Exists(countries) & ~Exists(themes)
        return qs.filter(
            no_preference
            | Exists(countries.filter(country__in=country_ids))
            | Exists(themes.filter(theme__in=theme_ids))
        )


class Subscriber(models.Model):
    email = models.EmailField("adresse e-mail", unique=True)
    name = models.CharField("nom", max_length=120, blank=True)
    organisation = models.CharField("collectivité ou organisation", max_length=200, blank=True)
    countries = models.ManyToManyField("taxonomy.Country", blank=True, verbose_name="pays suivis", related_name="+")
    themes = models.ManyToManyField("taxonomy.Theme", blank=True, verbose_name="thématiques suivies", related_name="+")
    status = models.CharField(
        "statut", max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING, db_index=True
    )
    source = models.CharField("origine", max_length=20, choices=SubscriberSource.choices, default=SubscriberSource.FORM)
    # Signed into every link of the emails (confirm, preferences, unsubscribe): never the primary key.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("inscrit le", default=timezone.now)
    consent_at = models.DateTimeField("consentement le", null=True, blank=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscrit le", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné·e"
        verbose_name_plural = "abonné·es"
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def country_names(self):
        return " | ".join(sorted(country.name for country in self.countries.all()))

    country_names.short_description = "pays suivis"

    def theme_names(self):
        return " | ".join(sorted(theme.name for theme in self.themes.all()))

    theme_names.short_description = "thématiques suivies"

    @property
    def is_confirmed(self):
        return self.status == SubscriberStatus.CONFIRMED

    def confirm(self):
        self.status = SubscriberStatus.CONFIRMED
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])

    def unsubscribe(self):
        """Stop every email; keep only the address (so an import cannot subscribe it again) and the dates."""
        if self.status == SubscriberStatus.UNSUBSCRIBED:
            return False
        self.status = SubscriberStatus.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.name = ""
        self.organisation = ""
        self.save(update_fields=["status", "unsubscribed_at", "name", "organisation"])
        self.countries.clear()
        self.themes.clear()
        return True


class SendQuerySet(models.QuerySet):
    def with_issue(self):
        return self.select_related("issue", "created_by")


class Send(models.Model):
    """One issue sent to every subscriber it targets, in batches run by the worker."""

    issue = models.ForeignKey(
        "newsletter.NewsletterIssuePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="sends",
        verbose_name="lettre",
    )
    subject = models.CharField("objet", max_length=255)
    status = models.CharField("statut", max_length=20, choices=SendStatus.choices, default=SendStatus.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="par"
    )
    created_at = models.DateTimeField("demandé le", default=timezone.now)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    total = models.PositiveIntegerField("destinataires", default=0)
    sent = models.PositiveIntegerField("envoyés", default=0)
    failed = models.PositiveIntegerField("échecs", default=0)
    bounced = models.PositiveIntegerField("refusés", default=0)

    objects = SendQuerySet.as_manager()

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def done_count(self):
        return self.sent + self.failed + self.bounced

    def progress(self):
        """'1 234 / 10 000 (12 %)' as moderators read it in the list of sends."""
        percent = round(100 * self.done_count / self.total) if self.total else 100
        return f"{self.done_count} / {self.total} ({percent} %)"

    progress.short_description = "progression"

    def refresh_counts(self):
        """Recount the deliveries (one query) and close the send when none is left to do."""
        counts = self.deliveries.aggregate(
            sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
            failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
            bounced=Count("pk", filter=Q(status=DeliveryStatus.BOUNCED)),
            open=Count("pk", filter=Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING])),
        )
        self.sent, self.failed, self.bounced = counts["sent"], counts["failed"], counts["bounced"]
        fields = ["sent", "failed", "bounced", "status", "finished_at"]
        if counts["open"] == 0:
            self.status = SendStatus.DONE
            self.finished_at = self.finished_at or timezone.now()
        else:
            self.status = SendStatus.SENDING
        Send.objects.filter(pk=self.pk).update(**{name: getattr(self, name) for name in fields})


class Delivery(models.Model):
    """One recipient of one send. Unique per (send, subscriber): a retried batch never emails anyone twice."""

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries", verbose_name="envoi")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries", verbose_name="abonné·e"
    )
    email = models.EmailField("adresse")
    status = models.CharField(
        "statut", max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    error = models.CharField("erreur", max_length=500, blank=True)
    claim = models.CharField(max_length=32, blank=True, db_index=True, editable=False)  # the run that took it
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "destinataire"
        verbose_name_plural = "destinataires"
        constraints = [models.UniqueConstraint(fields=["send", "subscriber"], name="newsletter_delivery_once")]
        indexes = [models.Index(fields=["send", "status"], name="newsletter_delivery_progress")]

    def __str__(self):
        return f"{self.email} ({self.get_status_display()})"
