"""The query planner's statistics are written after migrate and after loading the seeds."""

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def statistics_rows():
    """Rows of the statistics ANALYZE writes (sqlite_stat1 / pg_stats) for the actions table."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'actions_action'")
        else:
            cursor.execute("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'actions_action'")
        return cursor.fetchone()[0]


def clear_statistics():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_stat1")
        else:
            # pg_statistic cannot be emptied by a test; start from a table PostgreSQL has not analyzed.
            pytest.skip("PostgreSQL keeps its own statistics (autovacuum); SQLite is the case to test")


def test_load_seeds_writes_statistics_for_the_planner():
    clear_statistics()  # the test database's migrate analyzed its empty tables
    assert statistics_rows() == 0
    call_command("load_seeds", verbosity=0)
    assert statistics_rows() > 0


def test_a_load_that_changes_nothing_does_not_analyze():
    call_command("load_seeds", verbosity=0)
    clear_statistics()
    call_command("load_seeds", verbosity=0)
    assert statistics_rows() == 0


def test_a_dry_run_does_not_analyze():
    call_command("load_seeds", verbosity=0)
    clear_statistics()
    call_command("load_seeds", "--dry-run", verbosity=0)
    assert statistics_rows() == 0


def test_migrate_writes_statistics():
    call_command("load_seeds", verbosity=0)
    clear_statistics()
    call_command("migrate", verbosity=0)
    assert statistics_rows() > 0
