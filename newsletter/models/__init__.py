"""The newsletter's models: subscribers and sends (records.py), the index and issue pages (pages.py)."""

from newsletter.models.pages import NewsletterIndexPage, NewsletterIssuePage
from newsletter.models.records import Delivery, Send, Subscriber, normalise_email

__all__ = ["Delivery", "NewsletterIndexPage", "NewsletterIssuePage", "Send", "Subscriber", "normalise_email"]
