"""Pledges: what a local government promises to give to a fund, sent with the form at …/promesse/.

Never a payment. Listed for CUF's staff in the admin (wagtail_hooks), notified by email (tasks).
"""

from django.db import models
from django.utils import timezone

from .choices import PledgeStatus


class Pledge(models.Model):
    """A local government's promise to contribute, sent with the form: never a payment."""

    fund = models.ForeignKey(
        "funds.FundPage", verbose_name="fonds", null=True, on_delete=models.SET_NULL, related_name="pledges"
    )
    fund_title = models.CharField("fonds (titre à la date de la promesse)", max_length=255)
    collectivite = models.ForeignKey(
        "directory.Collectivite",
        verbose_name="collectivité de l’annuaire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
    )
    collectivite_name = models.CharField("collectivité", max_length=255)
    contact_name = models.CharField("personne à contacter", max_length=150)
    email = models.EmailField("courriel")
    phone = models.CharField("téléphone", max_length=30, blank=True)
    amount = models.DecimalField("montant promis (€)", max_digits=12, decimal_places=2)
    vote_date = models.DateField("date du vote du conseil")
    message = models.TextField("message", blank=True)
    consent = models.BooleanField("accord pour être recontacté", default=False)
    status = models.CharField("statut", max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.RECUE)
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)
    notified_at = models.DateTimeField("CUF prévenue le", null=True, blank=True)

    class Meta:
        verbose_name = "promesse de contribution"
        verbose_name_plural = "promesses de contribution"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.collectivite_name} – {self.fund_title}"
