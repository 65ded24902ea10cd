"""unpublished() is everything published() is not, read through the status index."""

import pytest
from django.db import connection

from reliefsite.actions.models import Action
from reliefsite.publishing import Status
from tests.factories import make_action

pytestmark = pytest.mark.django_db


def test_unpublished_is_every_record_that_is_not_published():
    drafts = {make_action(status=Status.DRAFT).pk for _ in range(2)}
    make_action(status=Status.PUBLISHED)
    assert set(Action.objects.unpublished().values_list("pk", flat=True)) == drafts


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan; PostgreSQL plans by its statistics")
def test_unpublished_searches_the_status_index_instead_of_scanning_it():
    """NOT (status = 'published') made SQLite read the whole status index to find the few drafts."""
    sql, params = Action.objects.unpublished().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(row[-1] for row in cursor.fetchall())
    assert "SEARCH" in plan and "status" in plan, plan
    assert "SCAN" not in plan, plan
