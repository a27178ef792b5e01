"""The migration tests of test_migrations.py, on PostgreSQL (DDL and sequences behave differently there)."""

from tests.core.test_migrations import (  # noqa: F401  (collected here, marked postgres by the file name)
    test_migrations_give_the_editors_groups_their_rights,
    test_migrations_unapply_to_zero_and_reapply_to_the_same_schema_and_rights,
)
