"""The migration tests of test_migrations.py, on PostgreSQL (DDL, sequences and transactions differ)."""

import uuid

import psycopg
from django.conf import settings

from tests.core.test_migrations import (  # noqa: F401  (collected here, marked postgres by the file name)
    assert_round_trip,
    migrate_round_trip,
    test_migrations_give_the_editors_groups_their_rights,
)


def test_migrations_apply_from_zero_unapply_to_zero_and_reapply_on_postgresql():
    """In a database of its own on the same server, created empty and dropped afterwards."""
    server = settings.DATABASES["default"]
    name = f"amnesty_migrations_{uuid.uuid4().hex[:8]}"
    credentials = {key.lower(): server[key] for key in ("USER", "PASSWORD", "HOST", "PORT") if server.get(key)}
    with psycopg.connect(dbname="postgres", autocommit=True, **credentials) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        user = f"{server['USER']}:{server.get('PASSWORD') or ''}@" if server.get("USER") else ""
        assert_round_trip(migrate_round_trip(f"postgresql://{user}{server['HOST']}:{server['PORT']}/{name}"))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **credentials) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
