"""The 500 page: French, rendered without the database or the cache, with a short reference that the
log line of the error carries too, so that a visitor's report can be matched to the traceback.

Django calls handler500 (cuf_cms/urls.py) after an uncaught exception, then logs the error on the
"django.request" logger with the request attached: the view stores the reference on the request and
ReferenceFilter adds it to that record (`record.reference`, and at the end of its message).
"""

import logging
import secrets

from django.http import HttpResponseServerError
from django.template import loader

FALLBACK = "Une erreur est survenue. Référence : {reference}\n"


def new_reference():
    return secrets.token_hex(4)  # 8 hexadecimal characters, easy to read out on the phone


def server_error(request, template_name="500.html"):
    """A static template rendered without a request: no context processor, so no query and no cache."""
    reference = new_reference()
    request.error_reference = reference
    try:
        content = loader.get_template(template_name).render({"reference": reference})
    except Exception:  # noqa: BLE001 - the error page must answer whatever else is broken
        return HttpResponseServerError(FALLBACK.format(reference=reference), content_type="text/plain; charset=utf-8")
    return HttpResponseServerError(content)


class ReferenceFilter(logging.Filter):
    """Adds the 500 page's reference to the log record of the same request."""

    def filter(self, record):
        request = getattr(record, "request", None)
        reference = getattr(request, "error_reference", None)
        if reference and not hasattr(record, "reference"):
            record.reference = reference
            record.msg = f"{record.msg} (reference {reference})"
        return True


def install_reference_filter():
    logging.getLogger("django.request").addFilter(ReferenceFilter())
