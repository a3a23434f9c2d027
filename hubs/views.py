"""Country and theme hubs: everything published about one term, and the indexes of terms.

Content comes from each app's QuerySet methods (recent, upcoming, tagged, for_cards),
so the hubs show exactly what the listings would; core.cards reads the pictures of all three at once.
"""

from itertools import groupby

from django.shortcuts import get_object_or_404, render

from articles.models import ArticlePage
from core.cards import prefetch_card_pictures
from events.models import EventPage
from resources.models import ResourcePage
from taxonomy.models import Country, Theme

HUB_ARTICLES = 6
HUB_EVENTS = 4
HUB_RESOURCES = 4


def hub_context(request, term, **tag):
    articles = list(ArticlePage.objects.recent().tagged(**tag).for_cards()[:HUB_ARTICLES])
    events = list(EventPage.objects.upcoming().tagged(**tag).for_cards()[:HUB_EVENTS])
    resources = list(ResourcePage.objects.recent().tagged(**tag).for_cards()[:HUB_RESOURCES])
    # The pictures of the three sections and the site's default image: one query for all their renditions.
    prefetch_card_pictures(request, articles, events, resources)
    return {
        "term": term,
        "articles": articles,
        "events": events,
        "resources": resources,
        "meta_title": term.name,
        "meta_description": term.description[:160],
    }


def country_hub(request, slug):
    country = get_object_or_404(Country, slug=slug)
    context = hub_context(request, country, country=country)
    context.update(filter_param="pays", kind_label="Pays")
    return render(request, "hubs/hub.html", context)


def theme_hub(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    context = hub_context(request, theme, theme=theme)
    context.update(filter_param="thematique", kind_label="Thématique")
    return render(request, "hubs/hub.html", context)


def country_index(request):
    """Countries grouped by region, in the order of the Region choices."""
    region_order = {value: position for position, value in enumerate(Country.Region.values)}
    countries = sorted(Country.objects.all(), key=lambda country: (region_order.get(country.region, 99), country.name))
    regions = [
        (Country.Region(region).label, list(members))
        for region, members in groupby(countries, key=lambda country: country.region)
    ]
    return render(
        request,
        "hubs/country_index.html",
        {"regions": regions, "meta_title": "Pays", "meta_description": "Les pays de la coopération décentralisée."},
    )


def theme_index(request):
    return render(
        request,
        "hubs/theme_index.html",
        {"themes": Theme.objects.order_by("name"), "meta_title": "Thématiques"},
    )
