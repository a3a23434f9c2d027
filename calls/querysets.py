"""Status of calls from the clock, once: ouvert, clôture imminente, clos — nothing is saved when it changes."""

import datetime

from django.conf import settings
from django.utils import timezone

from core.querysets import TaggedPageQuerySet


def closing_soon_window():
    return datetime.timedelta(days=settings.CALLS_CLOSING_SOON_DAYS)


class CallPageQuerySet(TaggedPageQuerySet):
    def open(self):
        """Calls whose deadline has not passed (imminent ones included), the nearest deadline first."""
        return self.visible().filter(deadline__gt=timezone.now()).order_by("deadline", "pk")

    def closing_soon(self):
        """Open calls whose deadline is within CALLS_CLOSING_SOON_DAYS."""
        now = timezone.now()
        return (
            self.visible()
            .filter(deadline__gt=now, deadline__lte=now + closing_soon_window())
            .order_by("deadline", "pk")
        )

    def closed(self):
        """The archive: calls whose deadline has passed, the latest first."""
        return self.visible().filter(deadline__lte=timezone.now()).order_by("-deadline", "-pk")

    def status_changed_between(self, since, until):
        """Calls that became imminent or closed during (since, until]: their pages and the listings changed."""
        window = closing_soon_window()
        return self.visible().filter(deadline__gt=since, deadline__lte=until) | self.visible().filter(
            deadline__gt=since + window, deadline__lte=until + window
        )
