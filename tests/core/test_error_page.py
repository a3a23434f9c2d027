"""The 500 page answers with the database down and the cache broken, in French, with a reference
that the error's log line carries too."""

import logging
import re

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError, connection
from django.test import Client
from django.urls import path

from cuf_cms.urls import handler500, urlpatterns


def broken_view(request):
    raise OperationalError("could not connect to server: Connection refused")


urlpatterns = [path("boum/", broken_view), *urlpatterns]
handler500 = handler500  # noqa: PLW0127 - this module is the ROOT_URLCONF of these tests


def refuse_queries(execute, sql, params, many, context):
    raise OperationalError("the database is down")


class BrokenCache(BaseCache):
    """A cache server that does not answer: every read or write raises."""

    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("the cache is down")

    get = set = add = delete = touch = incr = has_key = clear = get_many = set_many = delete_many = _down


@pytest.fixture
def site_down(settings):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}
    with connection.execute_wrapper(refuse_queries):
        yield


@pytest.mark.django_db
def test_the_500_page_needs_neither_database_nor_cache_and_shares_its_reference_with_the_log(site_down, caplog):
    visitor = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = visitor.get("/boum/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Une erreur est survenue" in html
    assert '<html lang="fr">' in html
    reference = re.search(r'class="error-reference">([0-9a-f]{8})<', html).group(1)

    records = [record for record in caplog.records if record.name == "django.request"]
    assert len(records) == 1
    assert records[0].reference == reference
    assert f"(reference {reference})" in records[0].getMessage()
    assert records[0].exc_info[0] is OperationalError  # the traceback is in the same record


@pytest.mark.django_db
def test_each_error_gets_its_own_reference(site_down):
    visitor = Client(raise_request_exception=False)
    pages = [visitor.get("/boum/").content.decode() for _ in range(2)]
    references = {re.search(r'class="error-reference">([0-9a-f]{8})<', html).group(1) for html in pages}
    assert len(references) == 2
