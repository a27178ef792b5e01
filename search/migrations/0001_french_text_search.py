"""PostgreSQL only: the `french_unaccent` text search configuration of the database search backend.

A copy of `french` whose words go through `unaccent` before `french_stem`, so that "secretariat"
finds "Secrétariat" and "assemblees" finds "Assemblée" (search.backends.POSTGRES_SEARCH_CONFIG).
`unaccent` is a trusted extension: the database owner may create it. Elsewhere (SQLite) this does
nothing. Reversing drops the configuration and keeps the extension, which other things may use.
"""

from django.db import migrations

CONFIG = "french_unaccent"  # search.backends.POSTGRES_SEARCH_CONFIG, frozen here

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
