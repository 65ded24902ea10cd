"""The sources list counts what cites each article; a source's page shows the items, bounded."""

import datetime

import pytest
from django.utils import timezone

from reliefsite.directory.queries import CAMPAIGNS_SHOWN, PER_CAMPAIGN
from reliefsite.directory.views import ACTIONS_PER_PAGE, SOURCES_PER_PAGE
from reliefsite.publishing import Status
from tests.factories import make_action, make_campaign, make_disbursement, make_report, make_source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

START = datetime.date(2020, 1, 1)


@pytest.fixture
def cited():
    """A source cited by 25 published actions and a draft, and by 8 published totals of one campaign."""
    source = make_source(key="cited", headline="被引用的报道")
    for i in range(ACTIONS_PER_PAGE + 5):
        make_action(
            sources=[source],
            slug=f"cited-{i:02d}",
            title=f"行动{i:02d}",
            start_date=START + datetime.timedelta(days=i),
        )
    make_action(sources=[source], slug="draft-cites", title="草稿行动", status=Status.DRAFT)
    campaign = make_campaign(slug="busy-campaign", name="繁忙募捐")
    for day in range(1, 9):
        make_report(campaign, f"{day}000000", f"2020-02-{day:02d}T10:00:00+08:00", source=source)
    make_report(campaign, "99999999", "2020-02-20T10:00:00+08:00", source=source, status=Status.DRAFT)
    make_disbursement(campaign, "1234567", datetime.date(2020, 2, 6), source=source)
    return source


def test_the_list_counts_published_citing_items_without_listing_them(client, cited):
    make_source(key="uncited", headline="无人引用")
    html = client.get("/sources/").content.decode()
    assert 'href="/sources/cited/"' in html
    assert "救助行动 25" in html and "累计总额 8" in html and "拨付 1" in html
    assert "暂无已发布的内容引用这篇报道。" in html  # the uncited source
    assert "/actions/cited-" not in html and "草稿" not in html


def test_the_source_page_paginates_its_actions_newest_first(client, cited):
    html = client.get("/sources/cited/").content.decode()
    shown = [i for i in range(25) if f'href="/actions/cited-{i:02d}/"' in html]
    assert shown == list(range(5, 25))  # the newest 20
    assert "draft-cites" not in html
    assert 'href="?page=2"' in html
    html = client.get("/sources/cited/?page=2").content.decode()
    assert [i for i in range(25) if f'href="/actions/cited-{i:02d}/"' in html] == list(range(5))


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1e3", "%00"])
def test_a_bad_page_number_shows_a_page_not_an_error(client, cited, page):
    response = client.get(f"/sources/cited/?page={page}")
    assert response.status_code == 200
    assert "/actions/cited-" in response.content.decode()


def test_the_source_page_shows_the_latest_totals_per_campaign_and_links_to_the_rest(client, cited):
    html = client.get("/sources/cited/").content.decode()
    assert html.count("<strong>") >= PER_CAMPAIGN
    for day in range(9 - PER_CAMPAIGN, 9):  # the latest three of eight
        assert f"<strong>{day}00万元</strong>" in html
    for day in range(1, 9 - PER_CAMPAIGN):
        assert f"<strong>{day}00万元</strong>" not in html
    assert "9999.9999万元" not in html  # the draft total
    assert f"本文给出该项目的累计总额共8次，这里只列出最近{PER_CAMPAIGN}次。" in html
    assert "个募捐项目。" not in html  # one campaign: nothing left out
    assert 'href="/campaigns/busy-campaign/reports/"' in html
    assert "<strong>123.4567万元</strong>" in html  # the disbursement


def test_the_source_page_in_english(client, cited):
    html = client.get("/en/sources/cited/").content.decode()
    assert "Relief actions" in html and "Running totals" in html
    assert "See every running total of this campaign" in html


def test_a_source_cited_by_nothing(client):
    make_source(key="lonely")
    html = client.get("/sources/lonely/").content.decode()
    assert "暂无已发布的内容引用这篇报道。" in html


def cited_by_campaigns(source, n):
    """n campaigns launched a day apart, the last the most recent, each with one total citing source."""
    for i in range(n):
        launched = timezone.make_aware(datetime.datetime(2020, 1, 1, 8, 0) + datetime.timedelta(days=i))
        campaign = make_campaign(slug=f"campaign-{i:02d}", name=f"募捐{i:02d}", launched_at=launched)
        make_report(campaign, f"{i + 1}0000", launched, source=source)


def test_the_source_page_shows_the_most_recent_campaigns_only_and_says_so(client):
    source = make_source(key="many-campaigns")
    cited_by_campaigns(source, CAMPAIGNS_SHOWN + 2)
    html = client.get("/sources/many-campaigns/").content.decode()
    shown = [i for i in range(CAMPAIGNS_SHOWN + 2) if f'href="/campaigns/campaign-{i:02d}/"' in html]
    assert shown == list(range(2, CAMPAIGNS_SHOWN + 2))  # the newest ten, not the two oldest
    assert f"只列出最近的{CAMPAIGNS_SHOWN}个募捐项目。" in html


def test_no_note_when_every_campaign_is_shown(client):
    source = make_source(key="ten-campaigns")
    cited_by_campaigns(source, CAMPAIGNS_SHOWN)
    html = client.get("/sources/ten-campaigns/").content.decode()
    assert all(f'href="/campaigns/campaign-{i:02d}/"' in html for i in range(CAMPAIGNS_SHOWN))
    assert "个募捐项目。" not in html


def test_the_list_paginates_and_says_when_a_page_number_was_replaced(client):
    for i in range(SOURCES_PER_PAGE + 1):
        make_source(
            key=f"source-{i:02d}",
            headline=f"报道{i:02d}",
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
        )
    newest = f'href="/sources/source-{SOURCES_PER_PAGE:02d}/"'
    html = client.get("/sources/").content.decode()
    assert newest in html and 'href="/sources/source-00/"' not in html  # newest first
    assert 'href="?page=2"' in html
    html = client.get("/sources/?page=2").content.decode()
    assert 'href="/sources/source-00/"' in html and newest not in html
    response = client.get("/sources/?page=9")
    assert response.status_code == 200
    assert "没有第9页，已显示第2页。" in response.content.decode()
