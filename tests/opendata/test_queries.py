"""List endpoints, feeds and the sitemap run the same number of queries for 2 records or 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import add_records

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
