from django.db import models


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", "En attente de confirmation"
    CONFIRMED = "confirmed", "Confirmé"
    UNSUBSCRIBED = "unsubscribed", "Désinscrit"


class SubscriberSource(models.TextChoices):
    FORM = "form", "Formulaire du site"
    IMPORT = "import", "Import CSV"


class SendStatus(models.TextChoices):
    QUEUED = "queued", "En file d’attente"
    SENDING = "sending", "Envoi en cours"
    DONE = "done", "Terminé"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "À envoyer"
    SENDING = "sending", "En cours"  # claimed by a batch; stays so only if the worker died mid-send
    SENT = "sent", "Envoyé"
    FAILED = "failed", "Échec"
    BOUNCED = "bounced", "Refusé par le serveur"
