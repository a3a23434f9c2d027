"""What a groupe-pays and a local government show from the content apps, found by the group's country.

Meetings are the events tagged with the group's country (upcoming first, then the last past ones),
news the articles tagged with it, resources the resources tagged with it: the same QuerySet methods
(upcoming, past, recent, tagged, for_cards) as the listings and the hubs, so private, draft and
expired pages never show here either. A fixed number of queries, whatever the number of items.
"""

from articles.models import ArticlePage
from core.cards import prefetch_card_pictures
from events.models import EventPage
from resources.models import ResourcePage

GROUP_UPCOMING = 5
GROUP_PAST = 5
GROUP_ARTICLES = 6
GROUP_RESOURCES = 4


def group_content(request, country):
    """Upcoming and past meetings, news and resources of the group of `country`."""
    articles = list(ArticlePage.objects.recent().tagged(country=country).for_cards()[:GROUP_ARTICLES])
    resources = list(ResourcePage.objects.recent().tagged(country=country).for_cards()[:GROUP_RESOURCES])
    prefetch_card_pictures(request, articles, resources)
    return {
        "upcoming_meetings": list(EventPage.objects.upcoming().tagged(country=country).with_terms()[:GROUP_UPCOMING]),
        "past_meetings": list(EventPage.objects.past().tagged(country=country).with_terms()[:GROUP_PAST]),
        "articles": articles,
        "resources": resources,
    }
