"""A French full-text search configuration that also ignores accents, for PostgreSQL only.

"cuf_french" is the built-in "french" configuration (Snowball stemmer) with the
unaccent dictionary in front, so "coopération", "cooperations" and "Coopérations"
share one lexeme. WAGTAILSEARCH_BACKENDS names it as SEARCH_CONFIG. Other databases
(SQLite's FTS5 already ignores diacritics) need nothing.
"""

from django.db import migrations

from core.postgresql import run_sql_on_postgresql

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cuf_french') THEN
        CREATE TEXT SEARCH CONFIGURATION cuf_french (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION cuf_french
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS cuf_french;"


class Migration(migrations.Migration):
    dependencies = [("core", "0003_editorial_groups")]

    operations = [run_sql_on_postgresql(CREATE, DROP)]
