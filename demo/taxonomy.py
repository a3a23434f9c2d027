"""Countries and themes, found by slug and kept in line with demo.data.taxonomy."""

from django.utils.text import slugify

from demo.data.taxonomy import COUNTRIES, THEME_IMAGES, THEMES
from taxonomy.models import Country, Theme


def _upsert(model, name, values):
    term = model.objects.filter(slug=slugify(name)).first()
    if term is None:
        return model.objects.create(name=name, slug=slugify(name), **values)
    changed = {key: value for key, value in values.items() if getattr(term, key) != value}
    if term.name != name:
        changed["name"] = name
    if changed:
        for key, value in changed.items():
            setattr(term, key, value)
        term.save()
    return term


def ensure_terms(images):
    """(countries by name, themes by name); two themes get a default image from `images`."""
    countries = {
        name: _upsert(Country, name, {"region": region, "is_country_group": group, "description": description})
        for name, region, group, description in COUNTRIES
    }
    themes = {}
    for name, description in THEMES:
        values = {"description": description}
        if name in THEME_IMAGES:
            values["default_image"] = images[THEME_IMAGES[name]]
        themes[name] = _upsert(Theme, name, values)
    return countries, themes
