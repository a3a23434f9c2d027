"""Shareable preview links for drafts, and the lock that keeps a single scheduler at work."""

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

from core import origin


def new_token():
    return secrets.token_urlsafe(32)


class PreviewLinkQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A secret URL that shows the latest revision of a page to someone without an account.

    The token is the only credential: it is long and random (256 bits), unique, and the
    link stops working when it expires or is revoked.
    """

    token = models.CharField("jeton", max_length=64, unique=True, default=new_token, editable=False)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="preview_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="créé par"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    expires_at = models.DateTimeField("expire le")
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "lien de prévisualisation"
        verbose_name_plural = "liens de prévisualisation"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Aperçu de « {self.page.title} » jusqu’au {timezone.localtime(self.expires_at):%d/%m/%Y %H:%M}"

    @classmethod
    def create_for(cls, page, user, days=None):
        days = days or settings.EDITORIAL_PREVIEW_LINK_DAYS
        return cls.objects.create(page=page, created_by=user, expires_at=timezone.now() + datetime.timedelta(days=days))

    @property
    def revoked(self):
        return self.revoked_at is not None

    @property
    def expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_valid(self):
        return not self.revoked and not self.expired

    def revoke(self, user):
        if not self.revoked:
            self.revoked_at = timezone.now()
            self.revoked_by = user
            self.save(update_fields=["revoked_at", "revoked_by"])

    def get_absolute_url(self):
        return reverse("editorial:preview_link", args=[self.token])

    def get_full_url(self):
        return origin.absolute(self.get_absolute_url())


class SchedulerLock(models.Model):
    """A named lease in the database: whoever inserts the row owns the lock until it expires.

    Inserting a row with a unique name is atomic on every database (SQLite included), so two
    scheduler processes never run the same step at the same time, whatever cache is configured.
    """

    name = models.CharField(max_length=100, unique=True)
    owner = models.CharField(max_length=100)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "verrou du planificateur"

    def __str__(self):
        return self.name

    @classmethod
    def acquire(cls, name, owner, seconds):
        now = timezone.now()
        cls.objects.filter(name=name, expires_at__lte=now).delete()
        try:
            with transaction.atomic():
                cls.objects.create(name=name, owner=owner, expires_at=now + datetime.timedelta(seconds=seconds))
        except IntegrityError:
            return False
        return True

    @classmethod
    def release(cls, name, owner):
        cls.objects.filter(name=name, owner=owner).delete()
