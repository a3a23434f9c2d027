"""Email leaves through the background worker, never from a visitor's or an editor's request.

EMAIL_BACKEND is `core.mail.QueuedEmailBackend` (dev and production settings): sending a message
inside a request serialises it (the exact MIME bytes, envelope sender and recipients) into a
`deliver_email` task. The worker (`manage.py db_worker`) delivers it with EMAIL_DELIVERY_BACKEND
(SMTP in production, the console in development), retrying with backoff when the SMTP server is down
(core.tasks.retrying_task). Code that already runs in a task (the worker, e.g. newsletter batches)
sends directly through EMAIL_DELIVERY_BACKEND: nothing is queued twice. Wagtail's workflow
notifications, password resets and the registration emails all take this path unchanged.
"""

import base64
import email
import email.message
from email.header import decode_header, make_header

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from core.tasks import EMAIL_PRIORITY, in_task, retrying_task


def delivery_connection(**kwargs):
    return get_connection(settings.EMAIL_DELIVERY_BACKEND, **kwargs)


class RawMessage(email.message.Message):
    """A MIME message kept as the bytes Django generated, written back with any line separator."""

    def __init__(self, raw):
        super().__init__()
        self.raw = raw
        parsed = email.message_from_bytes(raw)
        for name, value in parsed.items():
            self[name] = value

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.raw.replace(b"\r\n", b"\n").replace(b"\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")


class RawEmailMessage(EmailMessage):
    """An already-rendered message: delivery backends send its bytes to its envelope recipients."""

    def __init__(self, raw, from_email, recipients):
        self.raw_message = RawMessage(raw)
        subject = str(make_header(decode_header(self.raw_message["Subject"] or ""))).strip()
        super().__init__(subject=subject, from_email=from_email, to=recipients)
        self.envelope_recipients = list(recipients)

    def recipients(self):
        return self.envelope_recipients

    def message(self, **kwargs):
        return self.raw_message


@retrying_task(max_attempts=6, backoff=60, priority=EMAIL_PRIORITY)
def deliver_email(raw_b64, from_email, recipients):
    """Send one queued message (retried 5 times: after 1, 2, 4, 8 and 16 minutes)."""
    message = RawEmailMessage(base64.b64decode(raw_b64), from_email, recipients)
    with delivery_connection() as connection:
        return connection.send_messages([message])


class QueuedEmailBackend(BaseEmailBackend):
    """Queue each message as a `deliver_email` task; inside a task, deliver at once."""

    def send_messages(self, email_messages):
        messages = [message for message in email_messages if message.recipients()]
        if not messages:
            return 0
        if in_task():
            with delivery_connection(fail_silently=self.fail_silently) as connection:
                return connection.send_messages(messages)
        for message in messages:
            raw = message.message().as_bytes(linesep="\n")
            deliver_email.enqueue(base64.b64encode(raw).decode("ascii"), message.from_email, message.recipients())
        return len(messages)
