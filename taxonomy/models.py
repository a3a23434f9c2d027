from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index


class Term(index.Indexed, models.Model):
    name = models.CharField(
        "nom", max_length=120, unique=True, help_text="Tel qu’il s’affiche sur le site, avec majuscules et accents."
    )
    slug = models.SlugField(
        "identifiant d’URL",
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text="Adresse de sa page, par exemple « palestine » pour /pays/palestine/ : "
        "minuscules, sans accents ni espaces.",
    )
    description = models.TextField(
        "description", blank=True, help_text="Quelques phrases affichées en tête de sa page."
    )
    default_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="image par défaut",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Utilisée par les cartes qui n’ont pas d’image.",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    hub_url_name = ""

    def get_absolute_url(self):
        """The term's hub, e.g. /pays/palestine/."""
        return reverse(self.hub_url_name, kwargs={"slug": self.slug})


class Country(Term):
    class Region(models.TextChoices):
        AFRIQUE = "afrique", "Afrique"
        AMERIQUES = "ameriques", "Amériques"
        ASIE = "asie", "Asie"
        EUROPE = "europe", "Europe"
        MEDITERRANEE = "mediterranee", "Méditerranée"
        MOYEN_ORIENT = "moyen-orient", "Moyen-Orient"
        OCEANIE = "oceanie", "Océanie"

    hub_url_name = "hubs:country"

    region = models.CharField(
        "région", max_length=20, choices=Region.choices, help_text="La région du monde sous laquelle le pays est rangé."
    )
    is_country_group = models.BooleanField(
        "groupe-pays", default=False, help_text="Cités Unies France anime un groupe-pays pour ce pays."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("is_country_group"),
        FieldPanel("description"),
        FieldPanel("default_image"),
    ]

    class Meta(Term.Meta):
        verbose_name = "pays"
        verbose_name_plural = "pays"


class Theme(Term):
    hub_url_name = "hubs:theme"

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("default_image")]

    class Meta(Term.Meta):
        verbose_name = "thématique"
        verbose_name_plural = "thématiques"
