"""An index on wagtailcore_page.url_path, for the routing of a URL in one query (core/page_routing.py).

Wagtail has none (it routes slug by slug); without it the lookup reads the whole page table. On
PostgreSQL a hash index: equality is all the routing needs, and a btree refuses keys over ~2.7 kB,
which a deep tree of long slugs can reach.
"""

from django.db import migrations

INDEX = "core_page_url_path_idx"


def create(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {method}(url_path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_editor_help_texts"),
    ]

    operations = [migrations.RunPython(create, drop)]
