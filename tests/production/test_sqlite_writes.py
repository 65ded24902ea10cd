"""SQLite shared by several workers: pages are read while an editor saves, and two saves at once
wait their turn instead of one failing with "database is locked"."""

import contextlib
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite settings only"),
    pytest.mark.django_db,  # pytest-django lets no test open a database connection without it
]


@contextlib.contextmanager
def file_database(path, alias):
    """A connection to a file database with the site's settings (the tests' own is in memory),
    registered as `alias` in this thread so that transaction.atomic(using=alias) works."""
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, alias=alias)
    connections[alias] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        del connections[alias]


def scalar(wrapper, sql):
    with wrapper.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def test_a_file_database_runs_in_wal_mode(tmp_path):
    with file_database(tmp_path / "site.sqlite3", "wal") as database:
        assert scalar(database, "PRAGMA journal_mode") == "wal"
        assert scalar(database, "PRAGMA synchronous") == 1  # NORMAL: safe with WAL, fewer fsyncs


def test_a_second_save_waits_for_the_first_and_a_reader_is_not_blocked(tmp_path):
    path = tmp_path / "site.sqlite3"
    errors = []

    def save_second():
        # Reads, then writes, as a form save does: in a transaction begun before the first save
        # committed, the write would find its snapshot stale and fail at once.
        try:
            with file_database(path, "second") as second, transaction.atomic(using="second"):
                scalar(second, "SELECT count(*) FROM saves")
                with second.cursor() as cursor:
                    cursor.execute("INSERT INTO saves VALUES ('second')")
        except Exception as error:  # the assertion below reports it
            errors.append(error)

    with file_database(path, "first") as first, file_database(path, "reader") as reader:
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE saves (who text)")
        thread = threading.Thread(target=save_second)
        with transaction.atomic(using="first"):
            with first.cursor() as cursor:
                cursor.execute("INSERT INTO saves VALUES ('first')")
            thread.start()
            time.sleep(0.3)
            assert thread.is_alive(), errors  # waiting for the lock, not failed
            assert scalar(reader, "SELECT count(*) FROM saves") == 0  # reads go on meanwhile
        thread.join(timeout=10)
        assert not errors, errors
        assert scalar(reader, "SELECT group_concat(who, ',') FROM saves") == "first,second"
