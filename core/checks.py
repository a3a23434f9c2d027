"""System checks of the public origin (core/origin.py).

`manage.py check --deploy` (production) fails when BASE_URL is malformed or when Wagtail's default Site
does not have BASE_URL as its root URL: sitemap entries, feeds and JSON-LD would then disagree with the
canonical URLs. `migrate` sets the Site from BASE_URL, so the release sequence migrate → check --deploy
passes; a mismatch means the Site was edited by hand afterwards, or BASE_URL changed without a migrate.
It is a deploy check, not one of every command: `migrate` itself, which fixes the Site, must not be
stopped by it.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from core import origin


@register(Tags.sites, deploy=True)
def check_site_matches_base_url(app_configs=None, **kwargs):
    try:
        expected = origin.origin()
        origin.site_address()
    except ValueError as error:
        return [Error(str(error), hint="Set BASE_URL to the site's public origin.", id="core.E002")]
    try:
        site = origin.default_site()
    except DatabaseError:
        # No database or no table yet (a build step, a fresh database): nothing to compare; the first
        # migrate creates the Site with BASE_URL.
        return []
    if site is None:
        return [
            Error(
                "Wagtail has no default Site: no page is served.",
                hint="Run `manage.py migrate` (it creates and sets it from BASE_URL).",
                id="core.E001",
            )
        ]
    if site.root_url != expected:
        return [
            Error(
                f"The default Wagtail Site's root URL is {site.root_url}, but BASE_URL is {settings.BASE_URL}: "
                "the sitemap, feeds and structured data would not match the canonical URLs.",
                hint="Run `manage.py migrate` (it sets the Site's hostname and port from BASE_URL), "
                "or correct BASE_URL.",
                obj=site,
                id="core.E001",
            )
        ]
    return []
