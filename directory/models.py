"""The directory of French local governments (collectivités): a snippet chosen by pages, listed at
/collectivites/ by a routable index page, one route per local government.

A content app: it imports no other content or section app. What other apps know about a local
government reaches its page through two conventions, never an import:

- the Wagtail hook ``directory_collectivite_context``: each function registered under that name is
  called with (request, collectivite) and returns a dict added to the page's context (the groupes-pays
  add the groups and their meetings, see groups/wagtail_hooks.py);
- the reverse relation ``fund_contributions``: when a model has a ForeignKey to Collectivite with that
  related_name (the solidarity funds' contributions), the page lists them with
  templates/directory/includes/fund_contributions.html, which renders nothing otherwise.
"""

from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model_string
from wagtail.search import index

from core import origin
from core.models import SectionIndexPage
from core.pagination import paginate
from core.querysets import in_private_section
from core.seo import organization

from .choices import CollectiviteKind, FrenchRegion
from .filters import CollectiviteFilterSet

CONTEXT_HOOK = "directory_collectivite_context"
URL_PREFIX_HOOK = "directory_collectivite_url_prefix"  # see wagtail_hooks.py
CONTRIBUTIONS_RELATION = "fund_contributions"


class Collectivite(index.Indexed, models.Model):
    name = models.CharField("nom", max_length=160, unique=True, help_text="Par exemple « Ville de Grenoble ».")
    slug = models.SlugField(
        "identifiant d’URL", max_length=160, unique=True, help_text="Sa page publique : /collectivites/<identifiant>/."
    )
    kind = models.CharField(
        "type de collectivité",
        max_length=12,
        choices=CollectiviteKind.choices,
        help_text="Commune, département, région, intercommunalité…",
    )
    region = models.CharField("région", max_length=32, choices=FrenchRegion.choices, help_text="Région française.")
    website = models.URLField("site internet", blank=True, help_text="Adresse complète du site, https://…")
    is_member = models.BooleanField(
        "adhérente de Cités Unies France", default=False, help_text="Cochez si la collectivité est adhérente de CUF."
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Logo ou blason, avec son texte alternatif (le nom de la collectivité).",
    )
    description = models.TextField("présentation", blank=True, help_text="Quelques lignes, facultatives.")
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("is_member"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("is_member"),
    ]

    class Meta:
        verbose_name = "collectivité"
        verbose_name_plural = "collectivités"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Its page in the directory (one query for the directory's URL), or None without a directory."""
        base = directory_url()
        return f"{base}{self.slug}/" if base else None

    def structured_data(self, url):
        """schema.org GovernmentOrganization of the local government's page."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": self.name,
            "url": url,
            "areaServed": {"@type": "AdministrativeArea", "name": self.get_region_display()},
            "address": {"@type": "PostalAddress", "addressRegion": self.get_region_display(), "addressCountry": "FR"},
        }
        if self.website:
            data["sameAs"] = [self.website]
        if self.description:
            data["description"] = self.description[:300]
        if self.is_member:
            data["memberOf"] = organization()
        return data


class DirectoryIndexPage(RoutablePageMixin, SectionIndexPage):
    """/collectivites/: the directory, filtered and paginated; /collectivites/<slug>/: one local government."""

    subpage_types = []

    class Meta:
        verbose_name = "annuaire des collectivités"

    def filter_collectivites(self, request):
        return CollectiviteFilterSet(request.GET, queryset=Collectivite.objects.order_by("name", "pk"))

    @path("")
    def index_view(self, request):
        filterset = self.filter_collectivites(request)
        collectivites = paginate(request, filterset.qs, settings.DIRECTORY_PER_PAGE)
        return self.render(request, context_overrides={"filter": filterset, "collectivites": collectivites})

    @path("<slug:slug>/")
    def collectivite_view(self, request, slug):
        collectivite = get_object_or_404(Collectivite.objects.select_related("logo"), slug=slug)
        index_url = origin.page_url(self, request)
        url = index_url + self.reverse_subpage("collectivite_view", kwargs={"slug": slug})
        context = {
            "collectivite": collectivite,
            "fund_contributions": fund_contributions(collectivite),
            "meta_description": collectivite.description[:160]
            or f"{collectivite.name} ({collectivite.get_kind_display()}, {collectivite.get_region_display()}).",
            "structured_data": collectivite.structured_data(url),
            "breadcrumbs": [("Accueil", "/"), (self.title, index_url), (collectivite.name, url)],
        }
        for hook in hooks.get_hooks(CONTEXT_HOOK):
            context.update(hook(request, collectivite) or {})
        return self.render(request, context_overrides=context, template="directory/collectivite_page.html")

    def get_sitemap_urls(self, request=None):
        """The directory, then the page of every local government (one query)."""
        base = origin.page_url(self, request)
        urls = super().get_sitemap_urls(request)
        for slug, updated_at in Collectivite.objects.order_by("name").values_list("slug", "updated_at"):
            urls.append({"location": f"{base}{slug}/", "lastmod": updated_at})
        return urls


def fund_contributions(collectivite):
    """The local government's fund contributions when an app provides them (see the module docstring)."""
    manager = getattr(collectivite, CONTRIBUTIONS_RELATION, None)
    return list(manager.all()) if manager is not None else []


def directory_url(request=None):
    """URL of the live, public directory page ("/collectivites/"), or "" when there is none: one query.

    Pages that link to several local governments read it once and add each slug.
    """
    page = DirectoryIndexPage.objects.live().exclude(in_private_section()).first()
    return page.get_url(request) if page is not None else ""
