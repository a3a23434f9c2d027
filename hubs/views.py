"""Country and theme hubs: everything published about one term, and the indexes of terms.

Content comes from each app's QuerySet methods (recent, upcoming, tagged, for_cards),
so the hubs show exactly what the listings would; core.cards reads the pictures of all three at once.
"""

from itertools import groupby

from django.core.exceptions import FieldDoesNotExist
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import ArticlePage
from calls.models import CallPage
from core.cards import prefetch_card_pictures
from core.querysets import in_private_section
from events.models import EventPage
from funds.models import FundPage
from resources.models import ResourcePage
from taxonomy.models import Country, Theme

HUB_ARTICLES = 6
HUB_EVENTS = 4
HUB_RESOURCES = 4
HUB_FUNDS = 4
HUB_CALLS = 4


def hub_context(request, term, **tag):
    articles = list(ArticlePage.objects.recent().tagged(**tag).for_cards()[:HUB_ARTICLES])
    events = list(EventPage.objects.upcoming().tagged(**tag).for_cards()[:HUB_EVENTS])
    resources = list(ResourcePage.objects.recent().tagged(**tag).for_cards()[:HUB_RESOURCES])
    funds = list(FundPage.objects.open_first().tagged(**tag).defer_streamfields()[:HUB_FUNDS])
    calls = list(CallPage.objects.open().tagged(**tag).defer_streamfields()[:HUB_CALLS])
    # The pictures of the three sections and the site's default image: one query for all their renditions.
    prefetch_card_pictures(request, articles, events, resources)
    return {
        "term": term,
        "articles": articles,
        "events": events,
        "resources": resources,
        "funds": funds,
        "calls": calls,
        "meta_title": term.name,
        "meta_description": term.description[:160],
    }


def countries_with_group_page():
    """Countries, each with its groupe-pays page joined and whether that page is private: no extra query.

    The groupes-pays app (groups/) gives Country the reverse relation "group_page"; without it (groups/
    not installed) the hub simply has no group section.
    """
    try:
        Country._meta.get_field("group_page")
    except FieldDoesNotExist:
        return Country.objects.all()
    return Country.objects.select_related("group_page").annotate(
        group_page_private=in_private_section("group_page__path")
    )


def visible_group_page(country):
    """The country's live, public groupe-pays page, or None."""
    page = getattr(country, "group_page", None)  # the reverse relation's DoesNotExist is an AttributeError
    if page is None or not page.live or getattr(country, "group_page_private", True):
        return None
    return page


@require_safe
def country_hub(request, slug):
    country = get_object_or_404(countries_with_group_page(), slug=slug)
    context = hub_context(request, country, country=country)
    context.update(filter_param="pays", kind_label="Pays", group_page=visible_group_page(country))
    return render(request, "hubs/hub.html", context)


@require_safe
def theme_hub(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    context = hub_context(request, theme, theme=theme)
    context.update(filter_param="thematique", kind_label="Thématique")
    return render(request, "hubs/hub.html", context)


@require_safe
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


@require_safe
def theme_index(request):
    return render(
        request,
        "hubs/theme_index.html",
        {"themes": Theme.objects.order_by("name"), "meta_title": "Thématiques"},
    )
