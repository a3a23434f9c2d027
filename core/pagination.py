from collections.abc import Sequence

from django.core.paginator import InvalidPage, Paginator
from django.db.models import IntegerField, QuerySet, Subquery
from django.utils.functional import cached_property

from pagecache.fragments import reused_until_purge


class CountOf(Subquery):
    """The number of rows of a queryset, as a value of another query: (SELECT COUNT(*) FROM (…))."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


# Beyond any real listing (12 cards a page): a larger ?page= is out of range without asking the database,
# whose OFFSET would overflow (SQLite: "datatype mismatch", PostgreSQL: "bigint out of range").
MAX_PAGE_NUMBER = 100_000


def page_number(request):
    """The requested page number: 1 when ?page= is absent or not a whole number in ASCII digits ("1.5",
    "1e3", "١", "1_0"), else the number, possibly out of range (negative, huge: the listing's last page)."""
    raw = (request.GET.get("page") or "").strip()
    digits = raw.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        return 1
    if len(digits) > len(str(MAX_PAGE_NUMBER)):
        return MAX_PAGE_NUMBER + 1  # out of range whatever its size; int() of 5,000 digits even raises
    return int(raw)


def counted_keys(narrow, number, per_page):
    """[(pk, total)] of page `number`: its keys and the number of results, in one query.

    The count is an uncorrelated subquery, which the database computes once, not once per row.
    """
    if not 1 <= number <= MAX_PAGE_NUMBER:
        return []
    start = (number - 1) * per_page
    total = CountOf(narrow.order_by().values("pk"))
    return list(narrow.annotate(_total=total).values_list("pk", "_total")[start : start + per_page])


def paginate(request, queryset, per_page, *, same_until_publish=False):
    """A page of results; a non-numeric ?page= gives the first page, an out-of-range one the last.

    For a QuerySet, the page's keys are found first with a narrow ordered query, then its rows fetched
    by key: a deep page (page 500 of 10,000 articles) then sorts and skips keys only, not 6,000 whole
    rows. That keys query also counts the results, so page 1 and page 500 cost the same two queries;
    only a page out of range pays a separate count. Other sequences (search results) are paginated
    as they are.

    `same_until_publish`: the queryset's rows change only when pages are published (no time in it),
    so the keys and count of a page are read once per purge of the page cache and then reused.
    """
    if not isinstance(queryset, QuerySet):
        return Paginator(queryset, per_page).get_page(page_number(request))
    narrow = queryset.select_related(None).prefetch_related(None)
    paginator = Paginator(narrow.values_list("pk", flat=True), per_page)
    number = page_number(request)
    if same_until_publish:
        parts = (narrow.query.sql_with_params(), number, per_page)
        counted = reused_until_purge("page-keys", parts, lambda: counted_keys(narrow, number, per_page))
    else:
        counted = counted_keys(narrow, number, per_page)
    if counted or number == 1:
        paginator.count = counted[0][1] if counted else 0  # a cached_property: set, no COUNT query
        page = paginator.page(number)
        wanted = [pk for pk, _ in counted]
    else:
        try:
            page = paginator.page(number)
        except InvalidPage:
            page = paginator.page(paginator.num_pages)
        wanted = list(page.object_list)
    page.object_list = RowsOfKeys(queryset, wanted)
    return page


class RowsOfKeys(Sequence):
    """The rows of `keys` in their order, read on first use: a listing whose results are reused until
    a purge ({% until_purge %}) shows them without reading them."""

    def __init__(self, queryset, keys):
        self.queryset, self.keys = queryset, keys

    @cached_property
    def rows(self):
        found = {row.pk: row for row in self.queryset.filter(pk__in=self.keys)} if self.keys else {}
        return [found[pk] for pk in self.keys if pk in found]

    def __getitem__(self, index):
        return self.rows[index]

    def __len__(self):
        return len(self.rows)
