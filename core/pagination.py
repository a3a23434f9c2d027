from django.core.paginator import Paginator
from django.db.models import QuerySet


def paginate(request, queryset, per_page):
    """A page of results; a non-numeric ?page= gives the first page, a too-large one the last.

    For a QuerySet, the page's keys are found first with a narrow ordered query, then its rows fetched
    by key: a deep page (page 500 of 10,000 articles) then sorts and skips keys only, not 6,000 whole
    rows, and costs the same number of queries as page 1. Other sequences (search results) are
    paginated as they are.
    """
    if not isinstance(queryset, QuerySet):
        return Paginator(queryset, per_page).get_page(request.GET.get("page"))
    keys = queryset.select_related(None).prefetch_related(None).values_list("pk", flat=True)
    page = Paginator(keys, per_page).get_page(request.GET.get("page"))
    wanted = list(page.object_list)
    rows = {row.pk: row for row in queryset.filter(pk__in=wanted)} if wanted else {}
    page.object_list = [rows[pk] for pk in wanted if pk in rows]
    return page
