"""The fuzz suite's settings profiles, example database and site.

Profiles (HYPOTHESIS_PROFILE, default "ci"):
- ci: a bounded number of random examples per property, so `make test` on both databases stays within
  a few minutes; it first replays the committed example database read-only (tests/fuzz/examples/): a
  failure found once by anyone is replayed by everyone. (Hypothesis refuses derandomize with a database;
  replaying found failures matters more than identical draws, and each fixed class is also pinned with
  @example.)
- fuzz: `make fuzz`, many more random examples; failures are saved to tests/fuzz/examples/ (commit them).
- dev: a handful of examples while working on the suite.
"""

import datetime
import os
import pathlib

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase, ReadOnlyDatabase

from editorial.models import PreviewLink
from tests.factories import (
    ArticlePageFactory,
    CallIndexPageFactory,
    CallPageFactory,
    CollectiviteFactory,
    CountryFactory,
    CountryGroupIndexPageFactory,
    CountryGroupPageFactory,
    DirectoryIndexPageFactory,
    EventPageFactory,
    FundIndexPageFactory,
    FundPageFactory,
    NewsletterIndexPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    ThemeFactory,
    build_site,
)

from .harness import write_counts

EXAMPLES = DirectoryBasedExampleDatabase(pathlib.Path(__file__).parent / "examples")
COMMON = {
    "deadline": None,  # a request's time depends on the shared machine, not on the input
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=25, database=ReadOnlyDatabase(EXAMPLES), **COMMON)
LONG_RUN = int(os.environ.get("FUZZ_EXAMPLES", "1500"))
settings.register_profile("fuzz", max_examples=LONG_RUN, database=EXAMPLES, **COMMON)
settings.register_profile("dev", max_examples=8, database=EXAMPLES, **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session", autouse=True)
def _fuzz_counts():
    yield
    write_counts()


@pytest.fixture
def fuzz_site(db):
    """A small site with one of everything a route can show, and the real values of every parameter."""
    tree = build_site()
    country = CountryFactory(name="Liban", slug="liban")
    theme = ThemeFactory(name="Eau et assainissement", slug="eau-et-assainissement")
    article = ArticlePageFactory(
        parent=tree["articles"],
        title="L’eau potable au Liban",
        intro="Les collectivités françaises et libanaises coopèrent sur l’accès à l’eau.",
        countries=[country],
        themes=[theme],
    )
    ArticlePageFactory(
        parent=tree["articles"], title="Coopération décentralisée Nord-Sud", date=datetime.date(2026, 3, 2)
    )
    event = EventPageFactory(
        parent=tree["agenda"],
        title="Rencontre sur l’eau",
        countries=[country],
        themes=[theme],
        registration_open=True,
        capacity=20,
    )
    EventPageFactory(
        parent=tree["agenda"],
        title="Assises passées",
        start=timezone.now() - datetime.timedelta(days=40),
        end=timezone.now() - datetime.timedelta(days=39),
    )
    resource = ResourcePageFactory(parent=tree["resources"], title="Guide du jumelage", countries=[country])
    standard = StandardPageFactory(parent=tree["home"], title="Qui sommes-nous", slug="qui-sommes-nous")
    draft = ArticlePageFactory(parent=tree["articles"], title="Brouillon", live=False)
    link = PreviewLink.objects.create(page=draft, expires_at=timezone.now() + datetime.timedelta(days=1))
    home = tree["home"]
    fund = FundPageFactory(parent=FundIndexPageFactory(parent=home), title="Fonds Liban", countries=[country])
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), title="Appel à projets eau", themes=[theme])
    DirectoryIndexPageFactory(parent=home)
    collectivite = CollectiviteFactory(name="Ville de Lyon", region="auvergne-rhone-alpes")
    group = CountryGroupPageFactory(
        parent=CountryGroupIndexPageFactory(parent=home), country=country, members=[collectivite]
    )
    NewsletterIndexPageFactory(parent=home)
    slugs = {
        "article": article.slug,
        "event": event.slug,
        "resource": resource.slug,
        "country": country.slug,
        "theme": theme.slug,
        "standard": standard.slug,
        "preview_token": link.token,
        "document": "1",
        "fund": fund.slug,
        "call": call.slug,
        "collectivite": collectivite.slug,
        "group": group.slug,
    }
    real_values = {"pays": (country.slug, "inconnu"), "thematique": (theme.slug, "inconnue")}
    return {"slugs": slugs, "real_values": real_values, **tree}


# The page-cache fixtures of tests/pagecache (Redis as in production, and the file cache).
from tests.pagecache.conftest import file_page_cache, page_cache, redis_page_cache  # noqa: E402,F401
