import pytest

from resources.choices import ResourceKind
from tests.factories import CountryFactory, ResourcePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return {resource.title for resource in response.context["resources"]}


def test_resource_centre_filters_by_type_country_and_theme(client, site_tree):
    mali = CountryFactory(name="Mali", slug="mali")
    eau = ThemeFactory(name="Eau et assainissement", slug="eau-et-assainissement")
    parent = site_tree["resources"]
    ResourcePageFactory(parent=parent, title="Guide eau Mali", kind=ResourceKind.TEXTE, countries=[mali], themes=[eau])
    ResourcePageFactory(parent=parent, title="Photos de Bamako", kind=ResourceKind.PHOTO, countries=[mali])
    ResourcePageFactory(parent=parent, title="Podcast eau", kind=ResourceKind.SON, themes=[eau])
    ResourcePageFactory(parent=parent, title="Vidéo du congrès", kind=ResourceKind.VIDEO)

    assert titles(client.get("/centre-de-ressources/", {"type": "photo"})) == {"Photos de Bamako"}
    assert titles(client.get("/centre-de-ressources/", {"pays": "mali"})) == {"Guide eau Mali", "Photos de Bamako"}
    assert titles(client.get("/centre-de-ressources/", {"thematique": "eau-et-assainissement"})) == {
        "Guide eau Mali",
        "Podcast eau",
    }
    combined = client.get("/centre-de-ressources/?pays=mali&thematique=eau-et-assainissement&type=texte&page=1")
    assert titles(combined) == {"Guide eau Mali"}
    html = combined.content.decode()
    assert "1 résultat" in html
    # The type tiles keep the other filters.
    assert 'href="?pays=mali&amp;thematique=eau-et-assainissement&amp;type=video"' in html


@pytest.mark.parametrize("params", [{"type": "pdf"}, {"type": "<img src=x>"}, {"pays": "nulle-part"}, {"page": "abc"}])
def test_resource_centre_ignores_unknown_values(client, site_tree, params):
    ResourcePageFactory(parent=site_tree["resources"], title="Une ressource")
    response = client.get("/centre-de-ressources/", params)
    assert response.status_code == 200
    assert titles(response) == {"Une ressource"}
    assert "<img src=x>" not in response.content.decode()
