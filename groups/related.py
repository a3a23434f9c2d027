"""What a groupe-pays and a local government show from the content apps, found by the group's country.

Meetings are the events tagged with the group's country (upcoming first, then the last past ones),
news the articles tagged with it, resources the resources tagged with it, funds the solidarity funds
opened for it (open ones first): the same QuerySet methods (upcoming, past, recent, tagged, for_cards,
open_first) as the listings and the hubs, so private, draft and
expired pages never show here either. A fixed number of queries, whatever the number of items.
"""

from articles.models import ArticlePage
from core.cards import prefetch_card_pictures
from events.models import EventPage
from funds.models import FundPage
from resources.models import ResourcePage

GROUP_UPCOMING = 5
GROUP_PAST = 5
GROUP_ARTICLES = 6
GROUP_RESOURCES = 4
GROUP_FUNDS = 3


def group_content(request, country):
    """Upcoming and past meetings, news, resources and funds of the group of `country`."""
    articles = list(ArticlePage.objects.recent().tagged(country=country).for_cards()[:GROUP_ARTICLES])
    resources = list(ResourcePage.objects.recent().tagged(country=country).for_cards()[:GROUP_RESOURCES])
    prefetch_card_pictures(request, articles, resources)
    upcoming = list(EventPage.objects.upcoming().tagged(country=country).defer_streamfields()[:GROUP_UPCOMING])
    past = list(EventPage.objects.past().tagged(country=country).defer_streamfields()[:GROUP_PAST])
    funds = list(FundPage.objects.open_first().tagged(country=country).defer_streamfields()[:GROUP_FUNDS])
    # Meetings and funds are listed by title, date, place or progress, without their terms: nothing to prefetch.
    return {
        "upcoming_meetings": upcoming,
        "past_meetings": past,
        "articles": articles,
        "resources": resources,
        "funds": funds,
    }
