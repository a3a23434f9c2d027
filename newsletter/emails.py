"""The emails of the newsletter: confirmation, "already subscribed" notice and the issue itself.

Every email to a subscriber carries the one-click unsubscribe headers (RFC 8058): List-Unsubscribe with
an https URL and a mailto, and List-Unsubscribe-Post: List-Unsubscribe=One-Click; its body links to the
preferences page and the unsubscribe page. Each is multipart/alternative: plain text, then HTML.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from newsletter.blocks import absolute_url
from newsletter.tokens import confirm_token, manage_token

LETTER_NAME = "La lettre de la coopération décentralisée"


def route_url(index, name, token):
    return absolute_url(index.get_url() + index.reverse_subpage(name, args=[token]))


def subscriber_links(subscriber, index):
    token = manage_token(subscriber)
    return {
        "unsubscribe_url": route_url(index, "unsubscribe", token),
        "preferences_url": route_url(index, "preferences", token),
        "unsubscribe_mailto": "mailto:{}?subject={}".format(
            settings.NEWSLETTER_UNSUBSCRIBE_MAILTO, quote(f"desinscription {token}")
        ),
        "archive_url": absolute_url(index.get_url() + index.reverse_subpage("archives")),
    }


def build_message(subscriber, subject, template, context, connection=None):
    """A multipart/alternative email from `template`.txt and `template`.html, with the unsubscribe headers."""
    context = {"letter_name": LETTER_NAME, "subscriber": subscriber, **context}
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = render_to_string(f"newsletter/email/{template}.html", context)
    headers = {
        "List-Unsubscribe": "<{unsubscribe_url}>, <{unsubscribe_mailto}>".format(**context),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{LETTER_NAME} <lettre.cites-unies-france.org>",
    }
    message = EmailMultiAlternatives(
        subject, text, settings.NEWSLETTER_FROM_EMAIL, [subscriber.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscriber, index):
    confirm_url = route_url(index, "confirm", confirm_token(subscriber))
    context = {**subscriber_links(subscriber, index), "confirm_url": confirm_url}
    return build_message(subscriber, f"Confirmez votre inscription à {LETTER_NAME}", "confirm", context)


def already_subscribed_message(subscriber, index):
    """Sent instead of a confirmation when the address is already confirmed: the page answered the same."""
    return build_message(
        subscriber, f"Votre inscription à {LETTER_NAME}", "already_subscribed", subscriber_links(subscriber, index)
    )


def issue_subject(issue):
    return f"{LETTER_NAME} – {issue.title}"


class IssueRenderer:
    """Renders one issue for many subscribers: the sections are read once, then each email only adds
    the subscriber's own links."""

    def __init__(self, issue, index=None):
        self.issue = issue
        self.index = index or issue.get_parent().specific
        self.sections = issue.sections()
        self.issue_url = absolute_url(issue.get_url() or "/")

    def message(self, subscriber, connection=None, subject_prefix=""):
        context = {
            **subscriber_links(subscriber, self.index),
            "issue": self.issue,
            "sections": self.sections,
            "issue_url": self.issue_url,
        }
        return build_message(subscriber, subject_prefix + issue_subject(self.issue), "issue", context, connection)
