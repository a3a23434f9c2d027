"""Query counts of the new listings and pages, pinned flat: the same for 10 and 200 items.

Counted cold (every cache cleared, renditions already made), as tests/test_query_budgets.py does.
Figures are recorded in the issue's closing note.
"""

import pytest

from directory.models import Collectivite
from groups.models import CountryGroupPage, GroupMember
from taxonomy.models import Country
from tests.factories import CollectiviteFactory, CountryGroupIndexPageFactory, DirectoryIndexPageFactory
from tests.test_query_budgets import cold_queries

pytestmark = pytest.mark.django_db

# Every page reads the menus edited in the admin (core/navigation.py): +1 with empty menus, as here.
BUDGETS = {"directory": 12, "collectivite": 16, "group_index": 10, "group": 20}
REGIONS = Country.Region.values


@pytest.fixture
def tree(site_tree):
    home = site_tree["home"]
    return {
        "directory": DirectoryIndexPageFactory(parent=home),
        "index": CountryGroupIndexPageFactory(parent=home),
        "chair": CollectiviteFactory(name="Ville de Grenoble", slug="grenoble"),
    }


def add_collectivites(start, number):
    return Collectivite.objects.bulk_create(
        Collectivite(
            name=f"Commune {n:04d}", slug=f"commune-{n:04d}", kind="commune", region="bretagne", is_member=n % 2
        )
        for n in range(start, start + number)
    )


def add_groups(tree, start, number):
    """Live groups added the way an import would (no revision history: faster to build)."""
    countries = Country.objects.bulk_create(
        Country(name=f"Pays {n:04d}", slug=f"pays-{n:04d}", region=REGIONS[n % len(REGIONS)], is_country_group=True)
        for n in range(start, start + number)
    )
    groups = []
    for country in countries:
        page = CountryGroupPage(
            title=f"Groupe-pays {country.name}",
            slug=country.slug,
            country=country,
            chair=tree["chair"],
            intro="Un groupe.",
            live=True,
            has_unpublished_changes=False,
        )
        tree["index"].add_child(instance=page)
        groups.append(page)
    return groups


def add_members(group, collectivites):
    GroupMember.objects.bulk_create(
        GroupMember(page=group, collectivite=collectivite, role="Membre" if n % 3 else "", sort_order=n)
        for n, collectivite in enumerate(collectivites)
    )


def test_directory_listing_is_flat(client, settings, tree):
    settings.DIRECTORY_PER_PAGE = 200
    add_collectivites(0, 9)
    ten, few = cold_queries(client, "/collectivites/")
    add_collectivites(9, 191)
    two_hundred, many = cold_queries(client, "/collectivites/")
    _, filtered = cold_queries(client, "/collectivites/?type=commune&region=bretagne&adherent=oui&groupe=pays-0001")
    _, bad = cold_queries(client, "/collectivites/?type=x&region=y&adherent=z&groupe=atlantide&page=x")

    assert ten.content.decode().count('class="directory-item__title"') == 10
    assert two_hundred.content.decode().count('class="directory-item__title"') == 200
    assert few == many, (few, many)
    assert max(few, many, filtered, bad) <= BUDGETS["directory"], (few, many, filtered, bad)
    print(f"\n/collectivites/: 10 items {few} queries, 200 items {many}, filtered {filtered}, bad input {bad}")


def test_group_index_group_page_and_collectivite_page_are_flat(client, tree):
    groups = add_groups(tree, 0, 10)
    add_members(groups[0], add_collectivites(0, 10))
    index_few = cold_queries(client, "/groupes-pays/")
    group_few = cold_queries(client, groups[0].url)
    chair_few = cold_queries(client, "/collectivites/grenoble/")

    more = add_groups(tree, 10, 190)
    add_members(more[0], add_collectivites(10, 200))
    index_many = cold_queries(client, "/groupes-pays/")
    group_many = cold_queries(client, more[0].url)
    chair_many = cold_queries(client, "/collectivites/grenoble/")

    assert index_few[0].content.decode().count('class="group-item__title"') == 10
    assert index_many[0].content.decode().count('class="group-item__title"') == 200
    assert group_many[0].content.decode().count('href="/collectivites/commune-') == 200
    assert chair_many[0].content.decode().count("(Présidente)") == 200
    counts = {
        "group_index": (index_few[1], index_many[1]),
        "group": (group_few[1], group_many[1]),
        "collectivite": (chair_few[1], chair_many[1]),
    }
    for name, (few, many) in counts.items():
        assert few == many, (name, few, many)
        assert many <= BUDGETS[name], (name, many)
    print(f"\nqueries for 10 and 200 items: {counts}")
