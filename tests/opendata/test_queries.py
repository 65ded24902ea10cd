"""List endpoints, feeds and the sitemap run the same number of queries for 2 records or 20."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

URLS = [
    "/data/actions.json?per_page=200",
    "/data/actions.csv",
    "/data/organizations.json?per_page=200",
    "/data/organizations.csv",
    "/data/campaigns.json",
    "/data/campaigns.csv",
    "/data/campaign-transactions.json?per_page=200",
    "/data/campaign-transactions.csv",
    "/data/hotlines.json",
    "/data/hotlines.csv",
    "/feeds/actions/",
    "/feeds/campaigns/",
    "/feeds/actions/district/dongcheng/",
    "/sitemap.xml",
    "/sitemap-actions.xml",
    "/sitemap-pages.xml",
]


def add_records(count):
    for n in range(count):
        org = factories.make_organization()
        factories.make_action(
            organizations=[org], figures=[("10", "份", "物资", "exact"), ("2", "万元", "", "yu")]
        )
        campaign = factories.make_campaign(organizer=org)
        factories.make_report(campaign, "1000", timezone.make_aware(datetime.datetime(2020, 2, 3, 10, n)))
        factories.make_disbursement(campaign, "100", datetime.date(2020, 2, 4), recipient=org)
        factories.make_hotline(numbers=(f"40000000{n:02d}",), hours=[(2, "09:00", "17:00")])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow_with_the_data(client, django_assert_num_queries):
    """One test for all addresses: building twenty of everything is the slow part."""
    add_records(2)
    few = {url: count_queries(client, url) for url in URLS}
    assert max(few.values()) <= 12, few
    add_records(18)
    for url, expected in few.items():
        with django_assert_num_queries(expected):
            client.get(url)
