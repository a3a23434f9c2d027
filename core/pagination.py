from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """A page of results; a non-numeric ?page= gives the first page, a too-large one the last."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
