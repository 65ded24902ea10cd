import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from reliefsite.opendata.endpoints import ENDPOINTS
from reliefsite.publishing import Status
from tests import factories

NAMES = list(ENDPOINTS)


def all_items(client, name, **params):
    """Every item of a JSON endpoint, following its next links."""
    items, url, query = [], f"/data/{name}.json", {"per_page": 200, **params}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        body = response.json()
        items.extend(body["items"])
        url, query = body["next"], None
    return items


def add_records(count):
    """`count` more of everything the endpoints publish, for checks that query counts stay flat."""
    for n in range(count):
        org = factories.make_organization()
        factories.make_action(
            organizations=[org], figures=[("10", "份", "物资", "exact"), ("2", "万元", "", "yu")]
        )
        campaign = factories.make_campaign(organizer=org)
        factories.make_report(campaign, "1000", timezone.make_aware(datetime.datetime(2020, 2, 3, 10, n)))
        factories.make_disbursement(campaign, "100", datetime.date(2020, 2, 4), recipient=org)
        factories.make_hotline(numbers=(f"40000000{n:02d}",), hours=[(2, "09:00", "17:00")])


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker):
    """The seed data loaded once per test module, inside a transaction rolled back at the end.

    Each test still runs in its own savepoint (the `db` fixture), so what a test changes is undone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seeds", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_module, db):
    """Overrides tests/conftest.py's `seeded`: same data, loaded once per module instead of per test."""


@pytest.fixture
def drafts(db):
    """One draft of everything that has a status, each with a marker no published record has."""
    org = factories.make_organization(name="草稿测试工会", slug="draft-test-union")
    action = factories.make_action(
        organizations=[org],
        title="草稿行动不应公开",
        slug="draft-action",
        status=Status.DRAFT,
        figures=[("777", "份", "草稿物资", "exact")],
    )
    campaign = factories.make_campaign(name="草稿募捐不应公开", slug="draft-campaign", status=Status.DRAFT)
    factories.make_report(campaign, "7654321", "2020-02-05T10:00:00+08:00")
    factories.make_disbursement(campaign, "1", "2020-02-05", key="draft-campaign-paid")
    hotline = factories.make_hotline(
        name="草稿热线不应公开", slug="draft-hotline", numbers=("4009998887",), status=Status.DRAFT
    )
    # A published campaign's draft total and draft disbursement stay hidden too.
    live = factories.make_campaign(name="公开募捐带草稿", slug="live-campaign")
    factories.make_report(live, "100", "2020-02-04T10:00:00+08:00")
    factories.make_report(live, "8765432", "2020-02-05T10:00:00+08:00", status=Status.DRAFT)
    factories.make_disbursement(live, "55", "2020-02-05", key="live-campaign-draft-paid", status=Status.DRAFT)
    return {"organization": org, "action": action, "campaign": campaign, "hotline": hotline, "live": live}


# Text that only the drafts carry: none of it may appear in any public output.
DRAFT_MARKERS = [
    "草稿行动不应公开",
    "draft-action",
    "草稿募捐不应公开",
    "draft-campaign",
    "草稿热线不应公开",
    "4009998887",
    "8765432",
    "live-campaign-draft-paid",
    "7654321",
]
