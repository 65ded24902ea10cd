import datetime
import itertools
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from reliefsite.campaigns.charts import MAX_POINTS, sample_indices
from reliefsite.campaigns.models import Campaign, Disbursement, TotalReport
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier
from tests.factories import make_campaign, make_disbursement, make_organization, make_report, make_source

START = timezone.make_aware(datetime.datetime(2020, 2, 1, 8, 0))


def moment(hours):
    return START + datetime.timedelta(hours=hours)


def test_list_and_detail_with_seed_data(client, seeded):
    response = client.get("/campaigns/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "1698万元" in html and "96596名" in html
    assert "截至 2020年2月6日下午" in html
    assert "已拨付600万元（截至2020年2月6日）" in html

    response = client.get("/campaigns/warm-wuhan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    # The latest total as printed, with its as-of time at the source's precision.
    assert '<strong class="figure">1698万元</strong>' in html
    assert "96596名捐款人" in html
    assert "截至 2020年2月6日下午" in html
    # The earlier report keeps its qualifiers.
    assert "695.74万余元" in html and "4.4万多名" in html
    # Raised, disbursed and balance, each saying what it includes.
    assert "截至2020年2月6日下午公布的最新累计总额" in html
    assert "<strong>600万元</strong>" in html
    assert "截至2020年2月6日已公布的拨付合计" in html
    assert "<strong>1098万元</strong>" in html
    # Group contributions.
    assert "478.08万余元" in html and "28819名" in html and "11312笔" in html
    # Registration number and where to verify it.
    assert "531100005003093113A20001" in html
    assert "“慈善中国”" in html and 'href="https://cszg.mca.gov.cn/"' in html
    # The ledger links named recipients and shows the running total in date order.
    assert '<a href="/organizations/hubei-ftu/">湖北省总工会</a>' in html
    ledger = html[html.index('class="ledger"') :]
    running = re.findall(r"<td class=\"running\">([^<]*)</td>", ledger)
    assert running == ["100万元", "300万元", "500万元", "600万元"]
    # Sources cited.
    assert "/sources/004-warm-wuhan/" in html

    # The chart: an image with an accessible name and a text equivalent.
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-title"' in svg
    assert 'aria-describedby="chart-caption"' in svg
    assert '<title id="chart-title">“温暖武汉”累计善款与捐款人数变化</title>' in html
    assert 'id="chart-caption"' in html and "共公布2次累计总额" in html
    # The table of reports follows the figure directly.
    assert re.search(r"</figure>\s*<table class=\"reports\" id=\"reports-table\">", html)
    # No JavaScript: the only scripts are JSON-LD data blocks.
    assert re.findall(r"<script[^>]*>", html) == re.findall(
        r'<script type="application/ld\+json"[^>]*>', html
    )


@pytest.mark.django_db
def test_chart_stays_bounded_with_2000_reports(client):
    campaign = make_campaign(name="大项目", slug="big")
    source = make_source()
    TotalReport.objects.bulk_create(
        TotalReport(
            campaign=campaign,
            as_of=moment(n),
            amount=Decimal(1000 * n + (5_000_000 if n == 777 else 0)),
            donors=n,
            source=source,
            status=Status.PUBLISHED,
        )
        for n in range(1, 2001)
    )
    response = client.get(campaign.get_absolute_url())
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    points = sum(len(p.split()) for p in re.findall(r'points="([^"]*)"', svg))
    assert 0 < points <= 200
    assert svg.count("<circle") == 0
    assert "图中按时间均匀取" in html
    # The peak (a spike at report 777) is kept, so the axis reaches it.
    assert "577.7万元" in svg
    # The table is capped, with a link to the full, paginated list.
    assert html.count("<tr>") <= 30
    assert "查看全部2000次" in html
    full = client.get(f"{campaign.get_absolute_url()}reports/")
    assert full.status_code == 200 and full.content.decode().count("<tr>") == 100 + 1
    assert client.get(f"{campaign.get_absolute_url()}reports/", {"page": "20"}).status_code == 200


def test_sample_indices_keep_first_last_and_the_ones_asked_for():
    chosen = sample_indices(2000, MAX_POINTS, keep=[10, 1337])
    assert len(chosen) <= MAX_POINTS
    assert chosen == sorted(set(chosen))
    assert {0, 10, 1337, 1999} <= set(chosen)
    # Evenly spread: no gap much wider than 2000 rows over 100 points.
    assert max(b - a for a, b in itertools.pairwise(chosen)) <= 2 * 2000 // MAX_POINTS
    assert sample_indices(5, MAX_POINTS, keep=[3]) == [0, 1, 2, 3, 4]


@pytest.mark.django_db
def test_chart_rows_keep_first_last_highest_and_an_even_spread():
    campaign, source = make_campaign(), make_source()
    for n in range(60):
        amount = 1000 + n * 10 if n != 33 else 99999  # the highest amount in the middle
        donors = None if n % 7 == 0 else (5000 if n in (12, 40) else n)  # a tie: the later one counts
        make_report(campaign, str(amount), moment(n), donors=donors, source=source)
    make_report(campaign, "1", moment(70), status=Status.DRAFT)
    reports = TotalReport.objects.published().filter(campaign=campaign)
    everything = list(reports.order_by("as_of").values_list("as_of", "amount", "donors"))

    rows, count = reports.chart_rows(20)
    assert count == 60
    # Report 33 has the highest amount, 40 the most donors (tied with 12: the later one counts).
    assert rows == [everything[index] for index in sample_indices(60, 20, keep=[33, 40])]
    assert everything[33] in rows and everything[40] in rows
    assert reports.chart_rows(100) == (everything, 60)
    assert TotalReport.objects.none().chart_rows(20) == ([], 0)


@pytest.mark.django_db
def test_ledger_running_total_comes_from_the_database():
    campaign = make_campaign()
    make_report(campaign, "5000000", moment(1))
    union = make_organization()
    for day, amount in ((3, "1000000"), (6, "2000000"), (6, "500000"), (9, "250000")):
        make_disbursement(campaign, amount, datetime.date(2020, 2, day), recipient=union)
    ledger = list(Disbursement.objects.filter(campaign=campaign).ledger())
    assert [row.running_total for row in ledger] == [
        Decimal("1000000"),
        Decimal("3000000"),
        Decimal("3500000"),
        Decimal("3750000"),
    ]
    # Only the latest rows, but running totals still count the earlier ones.
    latest = Disbursement.objects.filter(campaign=campaign).latest_in_ledger(2)
    assert [row.running_total for row in latest] == [Decimal("3500000"), Decimal("3750000")]
    assert latest[0].rows == 4


@pytest.mark.django_db
def test_balance_is_at_least_when_the_total_is_a_lower_bound(client):
    campaign = make_campaign()
    make_report(campaign, "6957400", moment(57), donors=44000, amount_qualifier=Qualifier.YU)
    make_disbursement(campaign, "1000000", datetime.date(2020, 2, 3), recipient_note="报道只说汇往武汉")
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "695.74万余元" in html
    assert "<strong>不少于595.74万元</strong>" in html
    assert "实际结余至少为此数" in html
    assert "报道只说汇往武汉" in html


@pytest.mark.django_db
def test_drafts_never_appear(client):
    campaign = make_campaign(name="公开项目")
    make_report(campaign, "1000000", moment(1))
    make_report(campaign, "9990000", moment(2), status=Status.DRAFT)
    make_disbursement(campaign, "300000", datetime.date(2020, 2, 3))
    make_disbursement(campaign, "420000", datetime.date(2020, 2, 4), status=Status.DRAFT)
    draft = make_campaign(name="草稿项目", status=Status.DRAFT)
    make_report(draft, "7770000", moment(1))

    listing = client.get("/campaigns/").content.decode()
    assert "公开项目" in listing and "草稿项目" not in listing
    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert "100万元" in detail and "999万元" not in detail
    assert "30万元" in detail and "42万元" not in detail and "72万元" not in detail
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"{draft.get_absolute_url()}reports/").status_code == 404
    home = client.get("/").content.decode()
    assert "草稿项目" not in home and "777万元" not in home and "100万元" in home


@pytest.mark.django_db
def test_staff_preview_of_a_draft_campaign(staff_client):
    draft = make_campaign(name="草稿项目", status=Status.DRAFT)
    make_report(draft, "7770000", moment(1))
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "预览：此内容尚未发布" in html and "777万元" in html
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    # The preview is for the detail page only: lists stay public.
    assert "草稿项目" not in staff_client.get("/campaigns/").content.decode()


@pytest.mark.django_db
def test_campaign_without_reports(client):
    campaign = make_campaign()
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "尚未公布累计总额" in html and "<svg" not in html and "尚未公布拨付" in html
    assert Campaign.objects.published().overview()["raised"] == 0


@pytest.mark.django_db
def test_campaigns_launched_at_the_same_moment_are_listed_by_name(client):
    """A total order: on PostgreSQL, ties would otherwise come back in whatever order the rows lie,
    and a page boundary between them could show one twice and the other never."""
    for name in ("项目B", "项目A", "项目C"):
        make_campaign(name=name)
    assert [c.name for c in Campaign.objects.all()] == ["项目A", "项目B", "项目C"]
    html = client.get("/campaigns/").content.decode()
    assert [html.index(name) for name in ["项目A", "项目B", "项目C"]] == sorted(
        html.index(name) for name in ("项目B", "项目A", "项目C")
    )
