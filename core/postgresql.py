"""Database changes that only PostgreSQL needs (search configuration, expression indexes)."""

from django.db import migrations


def run_sql_on_postgresql(forward, backward):
    """A migration operation running `forward` (and `backward` when unapplied) on PostgreSQL only;
    other databases (SQLite in development) skip it."""

    def run(sql):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return operation

    return migrations.RunPython(run(forward), run(backward))
