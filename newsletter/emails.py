"""The emails of the newsletter: confirmation, "already subscribed" notice and the issue itself.

Every email to a subscriber carries the one-click unsubscribe headers (RFC 8058): List-Unsubscribe with
an https URL and a mailto, and List-Unsubscribe-Post: List-Unsubscribe=One-Click; its body links to the
preferences page and the unsubscribe page. Each is multipart/alternative: plain text, then HTML.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape

from newsletter.blocks import absolute_url
from newsletter.models.records import Subscriber
from newsletter.tokens import confirm_token, manage_token

LETTER_NAME = "La lettre de la coopération décentralisée"


def route_url(index, name, token):
    return absolute_url(index.get_url() + index.reverse_subpage(name, args=[token]))


# Stand-ins rendered into an issue once, replaced by each subscriber's own values (IssueRenderer).
TOKEN_MARK = "NLTOKENMARK0"  # noqa: S105 (a placeholder, not a secret)
EMAIL_MARK = "nl-subscriber@example.invalid"


def subscriber_links(subscriber, index, token=None):
    token = token or manage_token(subscriber)
    return {
        "unsubscribe_url": route_url(index, "unsubscribe", token),
        "preferences_url": route_url(index, "preferences", token),
        "unsubscribe_mailto": "mailto:{}?subject={}".format(
            settings.NEWSLETTER_UNSUBSCRIBE_MAILTO, quote(f"desinscription {token}")
        ),
        "archive_url": absolute_url(index.get_url() + index.reverse_subpage("archives")),
    }


def render_pair(template, context):
    context = {"letter_name": LETTER_NAME, **context}
    return (
        render_to_string(f"newsletter/email/{template}.txt", context),
        render_to_string(f"newsletter/email/{template}.html", context),
    )


def build_message(subscriber, subject, template, context, connection=None, rendered=None):
    """A multipart/alternative email from `template`.txt and `template`.html (or the `rendered` pair),
    with the unsubscribe headers."""
    text, html = rendered or render_pair(template, {"subscriber": subscriber, **context})
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
    """Renders one issue for many subscribers: the templates are rendered once, with stand-ins for the
    subscriber's address and signed token, which each email then replaces (a string replace instead of
    two template renderings per recipient)."""

    def __init__(self, issue, index=None):
        self.issue = issue
        self.index = index or issue.get_parent().specific
        stand_in = Subscriber(email=EMAIL_MARK)
        self.context = {
            **subscriber_links(stand_in, self.index, token=TOKEN_MARK),
            "issue": issue,
            "sections": issue.sections(),
            "issue_url": absolute_url(issue.get_url() or "/"),
        }
        self.text, self.html = render_pair("issue", {"subscriber": stand_in, **self.context})

    def message(self, subscriber, connection=None, subject_prefix=""):
        token = manage_token(subscriber)
        links = {  # what the headers need, without resolving the index's URL again
            "unsubscribe_url": self.context["unsubscribe_url"].replace(TOKEN_MARK, token),
            "unsubscribe_mailto": self.context["unsubscribe_mailto"].replace(TOKEN_MARK, quote(token)),
        }
        text = self.text.replace(TOKEN_MARK, token).replace(EMAIL_MARK, subscriber.email)
        html = self.html.replace(TOKEN_MARK, token).replace(EMAIL_MARK, escape(subscriber.email))
        subject = subject_prefix + issue_subject(self.issue)
        return build_message(subscriber, subject, "issue", links, connection, rendered=(text, html))
