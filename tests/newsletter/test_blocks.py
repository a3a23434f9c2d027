"""An issue's sections pull live content: the calls section lists the open calls of the calls app."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import CallIndexPageFactory, CallPageFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


def test_the_calls_section_lists_open_calls_nearest_deadline_first(client, lettre, site_tree):
    calls = CallIndexPageFactory(parent=site_tree["home"])
    now = timezone.now()
    CallPageFactory(parent=calls, title="Appel lointain", deadline=now + datetime.timedelta(days=60))
    CallPageFactory(parent=calls, title="Appel imminent", deadline=now + datetime.timedelta(days=3))
    CallPageFactory(parent=calls, title="Appel clos", deadline=now - datetime.timedelta(days=1))
    section = {"title": "Appels en cours", "count": 5, "country": None, "theme": None}
    issue = NewsletterIssuePageFactory(parent=lettre, content=[{"type": "calls", "value": section}])

    html = client.get(issue.url).content.decode()

    assert "Appel clos" not in html
    assert html.index("Appel imminent") < html.index("Appel lointain")
    assert "date limite le" in html
