"""Each list page's query count is pinned and does not grow with the data."""

import pytest

from reliefsite.campaigns.models import GroupContribution
from tests.factories import (
    make_action,
    make_campaign,
    make_disbursement,
    make_organization,
    make_report,
    make_source,
)

pytestmark = pytest.mark.django_db


def build(n, union, source):
    """n published actions, each by its own union plus a shared one (which also receives), each
    citing its own source plus a shared one, each with three figures, one of them money."""
    for i in range(n):
        action = make_action(
            organizations=[make_organization(parent=union), union],
            sources=[make_source(), source],
            district=("dongcheng", "mentougou", "pinggu")[i % 3],
            category=("funds", "goods")[i % 2],
            figures=[
                ("1597", "份", "慰问品", "exact"),
                ("200", "个", "暖手宝", "duo"),
                ("1e5", "元", "", "yu"),
            ],
        )
        action.recipients.add(union)


def money(union, source, n):
    campaign = make_campaign(organizer=union)
    make_report(campaign, "100000000", "2020-02-06T15:00:00+08:00", source=source)
    for i in range(n):
        make_disbursement(campaign, "1000", f"2020-02-{1 + i % 9:02d}", recipient=union, source=source)
    return campaign


# (url, queries): the number is the same for 3 actions and for 30.
PAGES = [
    # count, page, organizations, figures, one query for the district x category facet table, and
    # three for the organization facet over all published actions (every link's organization, the
    # unpublished actions' links, the busiest ones' names)
    ("/actions/", 8),
    # + the search's matching ids, evaluated once and reused by the count, page and facets; with a
    # filter the organization facet counts the matching actions' links directly (2 queries)
    ("/actions/?q=暖手宝&district=mentougou&category=goods", 8),
    # + the organization filter's own lookup
    ("/actions/?organization=shared-union&date_from=2020-02-01&date_to=2020-02-29", 8),
    ("/actions/?page=2", 8),
    # organizations: count, the page with action counts, the size of each group
    ("/organizations/", 3),
    ("/organizations/?by=district", 3),
    ("/organizations/?page=2", 3),
    # count, then the page of sources, each with six counts of the published items citing it
    # (subqueries): two queries
    ("/sources/", 2),
    # the source with its counts, actions (count, page), campaigns, hotlines, and for the latest
    # totals, disbursements and contributions: how many each campaign has, then the latest few
    # (asked even when there are none: the first round has no contributions, the second has)
    ("/sources/shared-source/", 11),
    # union with its action count + children, actions, received actions (+ both lists' orgs and
    # figures, read together), money actions (+ figures), disbursements (+ sum), campaigns,
    # contributions, its hotlines for the JSON-LD contact points (+ numbers, hours when it has any)
    ("/organizations/shared-union/", 13),
]


@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_list_query_counts_do_not_grow_with_the_data(
    client, no_page_cache, django_assert_num_queries, url, queries
):
    union = make_organization(slug="shared-union", name="共同工会")
    source = make_source(key="shared-source")
    campaign = money(union, source, 3)
    build(3, union, source)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200

    # Ten times the data: the same number of queries.
    build(27, union, source)
    for _ in range(27):
        make_disbursement(campaign, "1000", "2020-02-05", recipient=union, source=source)
    GroupContribution.objects.create(
        campaign=campaign,
        group=union,
        label="共同工会系统",
        as_of="2020-02-03T12:00:00+08:00",
        amount="1000",
        source=source,
    )
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
