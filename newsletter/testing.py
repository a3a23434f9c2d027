"""A real SMTP server for tests, the browser suite and the benchmark (aiosmtpd on 127.0.0.1).

It keeps every message it accepts (`Inbox.messages`, parsed with the modern email policy) and refuses,
at RCPT time with 550, any recipient whose address contains "refuse": what a real server answers for a
mailbox that does not exist. With keep=False it only counts (the benchmark).
"""

import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self, keep=True):
        self.keep = keep
        self.messages = []
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if "refuse" in address:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.count += 1
            if self.keep:
                message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
                self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def clear(self):
        with self.lock:
            self.messages.clear()
            self.count = 0


def free_port():
    """A TCP port nobody listens on now (two test runs on one machine never collide on a fixed one)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp(port=None, keep=True):
    """Start the server (on a free port unless one is given); returns (controller, inbox).
    The port is `controller.port`; stop it with controller.stop()."""
    inbox = Inbox(keep=keep)
    controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    return controller, inbox
