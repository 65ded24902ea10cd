import datetime
import itertools
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from reliefsite.campaigns.models import GroupContribution
from reliefsite.hotlines.models import Channel, Holiday
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier
from tests.factories import (
    make_action,
    make_campaign,
    make_disbursement,
    make_hotline,
    make_organization,
    make_report,
    make_source,
)

from .conftest import clear_page_cache, max_age

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


@time_machine.travel(datetime.datetime(2020, 2, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_home_with_seed_data(client, seeded, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 86400
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    # Help first: the hotlines come before every other section.
    headings = ['id="help-heading"', 'id="numbers-heading"', 'id="campaigns-heading"', 'id="actions-heading"']
    assert [html.index(h) for h in headings] == sorted(html.index(h) for h in headings)
    assert 'href="tel:4000151123"' in html and 'href="tel:12351"' in html
    assert "正在服务，17:00结束" in html
    assert max_age(response) == 7 * 3600
    # The campaign's latest total with its as-of time.
    assert "1698万元" in html and "96596名捐款人" in html and "截至 2020年2月6日下午" in html
    # The sums, each saying what it includes.
    assert "<strong>40项</strong>" in html
    assert "个募捐项目各自最新公布的累计总额之和，最近一次公布截至2020年2月6日" in html
    assert "<strong>600万元</strong>" in html and "截至2020年2月6日已公布的拨付合计" in html
    # The latest actions with their figures.
    assert html.count('class="figures"') >= 1


@pytest.mark.django_db
def test_home_sums_say_when_a_total_is_a_lower_bound(client):
    campaign = make_campaign()
    make_report(campaign, "6957400", timezone.now(), amount_qualifier=Qualifier.YU)
    other = make_campaign()
    make_report(other, "1000000", timezone.now())
    html = client.get("/").content.decode()
    assert "<strong>795.74万余元</strong>" in html


@pytest.mark.django_db
def test_home_leaves_out_drafts(client):
    make_action(title="已发布行动")
    make_action(title="草稿行动", status=Status.DRAFT)
    make_hotline(name="草稿热线", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "已发布行动" in html
    assert "草稿行动" not in html and "草稿热线" not in html
    assert "<strong>1项</strong>" in html


# ---- query counts: flat as the data grows tenfold ---------------------------------------------

_n = itertools.count()


def grow(n, focus):
    """n more of everything, including reports, contributions and payments of the `focus` campaign."""
    union = make_organization()
    source = make_source()
    for _ in range(n):
        i = next(_n)
        make_action(
            organizations=[union, make_organization()],
            sources=[source],
            figures=[("100", "份", "慰问品", Qualifier.EXACT), ("2", "万元", "", Qualifier.YU)],
        )
        hotline = make_hotline(
            numbers=(f"400{i:07d}", "12351"), hours=[(2, "09:00", "17:00"), (3, "09:00", "12:00")]
        )
        Channel.objects.create(
            hotline=hotline, kind=Channel.Kind.WECHAT, name="公众号", instructions="关注。"
        )
        campaign = make_campaign()
        make_report(campaign, "100000", timezone.now() - datetime.timedelta(days=1), source=source)
        make_disbursement(campaign, "1000", datetime.date(2020, 2, 3), source=source, recipient=union)
        make_report(
            focus, str(1000 * (i + 1)), timezone.now() - datetime.timedelta(hours=i + 1), source=source
        )
        make_disbursement(focus, "1", datetime.date(2020, 2, 1 + i % 28), source=source, recipient=union)
        GroupContribution.objects.create(
            campaign=focus,
            group=union,
            label=f"群体{i}",
            as_of=timezone.now() - datetime.timedelta(hours=i),
            amount=Decimal(10),
            source=source,
        )
    Holiday.objects.get_or_create(date=datetime.date(2020, 10, 1), defaults={"name": "国庆节"})


PAGES = {
    # action totals are two cheap statements (actions, organizations taking part), not one join;
    # the money overview two aggregates (latest totals, disbursements)
    "/": 12,
    "/hotlines/": 6,
    "/campaigns/": 2,
    # 9 for the page itself (the chart: report ids, the highest amount and donor count, the rows
    # it draws), 1 for the JSON-LD block's recent payments (opendata's jsonld tag; the latest total
    # comes with the campaign).
    "/campaigns/focus/": 10,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_query_count_is_flat(client, django_assert_num_queries, url, expected):
    focus = make_campaign(slug="focus")

    def count():
        clear_page_cache()
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200

    grow(2, focus)
    count()
    grow(18, focus)
    count()


@pytest.mark.django_db
def test_hotline_detail_query_count(client, django_assert_num_queries):
    hotline = make_hotline(hours=[(2, "09:00", "17:00")])
    Channel.objects.create(hotline=hotline, kind=Channel.Kind.APP, name="APP", instructions="下载。")
    # hotline + numbers, channels, hours, sources + holidays
    with django_assert_num_queries(6):
        assert client.get(hotline.get_absolute_url()).status_code == 200
