"""Date and publication logic of funds, once: views, hubs, the scheduler and tests ask the same question."""

import datetime

from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from core.querysets import TaggedPageQuerySet

from .choices import FundStatus


def open_condition(today=None):
    """A fund is open when its status is "ouvert" and its closing date (the last day) has not passed."""
    today = today or timezone.localdate()
    return Q(status=FundStatus.OUVERT) & (Q(closing_date__isnull=True) | Q(closing_date__gte=today))


class FundPageQuerySet(TaggedPageQuerySet):
    def open(self):
        return self.visible().filter(open_condition())

    def closed(self):
        return self.visible().exclude(open_condition())

    def open_first(self):
        """Open funds first (latest opened first), then closed ones."""
        return (
            self.visible()
            .annotate(
                open_now=Case(
                    When(open_condition(), then=Value(True)), default=Value(False), output_field=BooleanField()
                )
            )
            .order_by("-open_now", "-opening_date", "-pk")
        )

    def closed_between(self, since, until):
        """Funds whose closing date passed during (since, until]: they close at the local midnight after it."""
        first, last = timezone.localdate(since), timezone.localdate(until)
        if first >= last:
            return self.none()
        return self.visible().filter(
            status=FundStatus.OUVERT, closing_date__gte=first, closing_date__lte=last - datetime.timedelta(days=1)
        )
