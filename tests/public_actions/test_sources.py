"""The sources list counts what cites each article; a source's page shows the items, bounded."""

import datetime

import pytest

from reliefsite.publishing import Status
from reliefsite.sources.views import ACTIONS_PER_PAGE, PER_CAMPAIGN
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
    for day in range(1, PER_CAMPAIGN + 4):
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
    for day in range(4, 9):  # the latest five of eight
        assert f"<strong>{day}00万元</strong>" in html
    for day in range(1, 4):
        assert f"<strong>{day}00万元</strong>" not in html
    assert "9999.9999万元" not in html  # the draft total
    assert "本文给出该项目的累计总额共8次，这里只列出最近5次。" in html
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
