from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class SpipImportedObject(models.Model):
    """Where one SPIP object went: a second run updates it instead of creating it again."""

    spip_type = models.CharField("type SPIP", max_length=20)
    spip_id = models.PositiveIntegerField("identifiant SPIP")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField("empreinte", max_length=40, blank=True)
    url = models.CharField("adresse sur le nouveau site", max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "objet importé de SPIP"
        verbose_name_plural = "objets importés de SPIP"
        constraints = [models.UniqueConstraint(fields=["spip_type", "spip_id"], name="spip_imported_unique")]

    def __str__(self):
        return f"{self.spip_type} {self.spip_id}"


class SpipImportRun(models.Model):
    started_at = models.DateTimeField("début", auto_now_add=True)
    finished_at = models.DateTimeField("fin", null=True, blank=True)
    backup = models.CharField("sauvegarde", max_length=500)
    dry_run = models.BooleanField("essai à blanc", default=False)
    status = models.CharField("état", max_length=100, default="en cours")
    created = models.PositiveIntegerField("créés", default=0)
    updated = models.PositiveIntegerField("mis à jour", default=0)
    unchanged = models.PositiveIntegerField("inchangés", default=0)
    skipped = models.PositiveIntegerField("ignorés", default=0)
    failed = models.PositiveIntegerField("en échec", default=0)
    unknown_markup = models.PositiveIntegerField("balises inconnues", default=0)
    missing_files = models.PositiveIntegerField("fichiers manquants", default=0)
    dangling_links = models.PositiveIntegerField("liens morts", default=0)
    redirects = models.PositiveIntegerField("redirections", default=0)
    csv_path = models.CharField("rapport CSV", max_length=500, blank=True)

    class Meta:
        verbose_name = "import SPIP"
        verbose_name_plural = "imports SPIP"
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        kind = "essai à blanc" if self.dry_run else "import"
        return f"{kind} du {self.started_at:%d/%m/%Y %H:%M}"

    def totals(self):
        names = ["created", "updated", "unchanged", "skipped", "failed", "unknown_markup", "missing_files"]
        return {name: getattr(self, name) for name in [*names, "dangling_links", "redirects"]}


class SpipImportItem(models.Model):
    class Outcome(models.TextChoices):
        CREATED = "created", "créé"
        UPDATED = "updated", "mis à jour"
        UNCHANGED = "unchanged", "inchangé"
        SKIPPED = "skipped", "ignoré"
        FAILED = "failed", "échec"
        UNKNOWN_MARKUP = "unknown_markup", "balise inconnue"
        MISSING_FILE = "missing_file", "fichier manquant"
        DANGLING_LINK = "dangling_link", "lien mort"

    run = models.ForeignKey(SpipImportRun, on_delete=models.CASCADE, related_name="items", verbose_name="import")
    spip_type = models.CharField("type SPIP", max_length=20)
    spip_id = models.PositiveIntegerField("identifiant SPIP")
    outcome = models.CharField("résultat", max_length=20, choices=Outcome.choices)
    detail = models.TextField("détail", blank=True)
    url = models.CharField("adresse", max_length=500, blank=True)

    class Meta:
        verbose_name = "ligne du rapport"
        verbose_name_plural = "lignes du rapport"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.spip_type} {self.spip_id}: {self.get_outcome_display()}"
