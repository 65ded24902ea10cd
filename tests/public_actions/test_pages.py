"""Action, organization and source pages with the seed data; drafts and staff previews."""

import datetime
import itertools
import re
from decimal import Decimal

import pytest

from reliefsite.campaigns.models import GroupContribution
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier
from tests.factories import (
    make_action,
    make_campaign,
    make_disbursement,
    make_organization,
    make_report,
    make_source,
)

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def headings(html):
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


def assert_outline(html):
    """One h1, and no heading level skipped on the way down."""
    levels = headings(html)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


# ---- with the seed data


def test_action_page_shows_everything_about_one_action(client, seeded):
    response = client.get("/actions/mentougou-ftu-health-centre-gifts/")
    assert response.status_code == 200
    html = text(response)
    assert_outline(html)
    assert "<h1>门头沟区总工会向2所卫生院和一线职工送1597份慰问品</h1>" in html
    assert '<a href="/organizations/mentougou-ftu/">门头沟区总工会</a>' in html
    assert "门头沟区" in html and "物资与慰问品" in html
    assert "2020年2月4日前" in html and "不晚于该日" in html
    assert "<strong>1597份</strong>" in html
    # The citation: publication, date, no page printed, headline, reporter, clipping.
    assert "《劳动午报》" in html and "2020年2月4日" in html and "版面未注明" in html
    assert 'href="/sources/000-mentougou/"' in html
    assert "记者 <span>闫长禄</span>" in html
    assert "000_27a3cc27642224e7.txt" in html
    # Related: the same union's other actions.
    assert 'href="/actions/mentougou-ftu-health-commission-donation/"' in html
    assert "<title>门头沟区总工会向2所卫生院和一线职工送1597份慰问品 · " in html


def test_action_page_figures_and_recipients(client, seeded):
    html = text(client.get("/actions/education-union-donation-relay/"))
    for printed in ("11312笔", "209万余元", "478.08万余元", "28819名"):
        assert f"<strong>{printed}</strong>" in html
    assert "受赠组织" in html and 'href="/organizations/beijing-warmth-foundation/"' in html
    assert "记者 <span>任洁</span>" in html and "通讯员 <span>蒋汶桐</span>" in html
    assert "2020年2月1日至2月3日" in html


def test_action_page_related_queries_are_bounded(
    client, seeded, no_page_cache, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get("/actions/education-union-donation-relay/").status_code == 200


def test_related_actions_share_organizations_first_then_the_category(client):
    first, second = make_organization(slug="first-union"), make_organization(slug="second-union")
    action = make_action(slug="this", organizations=[first, second], category="goods")
    day = datetime.date(2020, 2, 1)
    make_action(slug="same-category-newest", category="goods", start_date=day.replace(day=9))
    make_action(
        slug="one-shared-newer", organizations=[first], category="legal", start_date=day.replace(day=5)
    )
    make_action(slug="both-shared-older", organizations=[second, first], category="legal", start_date=day)
    make_action(slug="one-shared-older", organizations=[second], category="funds", start_date=day)
    make_action(slug="shared-draft", organizations=[first, second], status=Status.DRAFT)
    make_action(slug="unrelated", category="legal", start_date=day.replace(day=9))

    html = text(client.get(action.get_absolute_url()))
    related = html[html.index('id="related-heading"') :]
    listed = re.findall(r'href="/actions/([^/]+)/"', related)
    assert listed == ["both-shared-older", "one-shared-newer", "one-shared-older", "same-category-newest"]


def test_organization_page_with_actions_children_and_money(client, seeded):
    html = text(client.get("/organizations/beijing-ftu/"))
    assert_outline(html)
    assert "<h1>北京市总工会</h1>" in html
    assert 'href="/organizations/acftu/"' in html  # parent
    assert 'href="/organizations/beijing-education-union/"' in html  # child

    html = text(client.get("/organizations/hubei-ftu/"))
    assert "收到的募捐拨付" in html
    assert "<strong>200万元</strong>" in html
    assert 'href="/campaigns/warm-wuhan/"' in html

    html = text(client.get("/organizations/beijing-warmth-foundation/"))
    assert "发起的募捐项目" in html
    assert "截至2020年2月6日下午" in html and "<strong>1698万元</strong>" in html
    assert "<strong>695.74万余元</strong>" in html

    html = text(client.get("/organizations/beijing-education-union/"))
    assert "群体捐款" in html and "<strong>478.08万余元</strong>" in html


def test_organization_list_groups_by_kind_or_district(client, seeded):
    html = text(client.get("/organizations/"))
    assert_outline(html)
    assert "区总工会" in html and 'href="/organizations/mentougou-ftu/"' in html
    html = text(client.get("/organizations/?by=district"))
    assert "<h2" in html and "门头沟区" in html
    assert client.get("/organizations/?by=<nonsense>").status_code == 200


def test_sources_list_and_page(client, seeded):
    html = text(client.get("/sources/"))
    assert_outline(html)
    assert "2020年2月4日" in html and "2020年2月7日" in html
    assert 'href="/sources/000-warm-wuhan/"' in html
    assert "引用本文：" in html  # counts only: the citing items are on each source's own page

    html = text(client.get("/sources/004-warm-wuhan/"))
    assert_outline(html)
    assert "版面未注明" in html and "余翠平" in html and "004_cc792d5286a1be63.txt" in html
    assert 'href="/actions/warm-wuhan-feb6-disbursement/"' in html  # an action citing it
    assert "<strong>1698万元</strong>" in html  # the campaign total it reported
    assert "<strong>200万元</strong>" in html  # a disbursement it reported


@pytest.mark.parametrize(
    "url", ["/actions/no-such-action/", "/organizations/no-such-union/", "/sources/no-such-key/"]
)
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


# ---- money on the organization page


def test_disbursements_received_are_summed_no_more_precisely_than_given(client):
    hubei = make_organization(slug="hubei")
    campaign = make_campaign()
    make_report(campaign, "20000000", datetime.datetime(2020, 2, 6, 15, tzinfo=datetime.UTC))
    make_disbursement(campaign, "2000000", datetime.date(2020, 2, 6), recipient=hubei)
    make_disbursement(
        campaign, "1000000", datetime.date(2020, 2, 3), recipient=hubei, amount_qualifier=Qualifier.YU
    )
    make_disbursement(campaign, "7000000", datetime.date(2020, 2, 7), recipient=hubei, status=Status.DRAFT)
    html = text(client.get("/organizations/hubei/"))
    assert "<strong>100万余元</strong>" in html
    assert "<strong>300万余元</strong>" in html  # the total: one part was "余"
    assert "700万" not in html


def test_group_contributions_of_a_draft_campaign_are_hidden(client):
    union = make_organization(slug="edu")
    campaign = make_campaign(status=Status.DRAFT)
    GroupContribution.objects.create(
        campaign=campaign,
        group=union,
        label="教育工会系统",
        as_of=datetime.datetime(2020, 2, 3, tzinfo=datetime.UTC),
        amount=Decimal("4780800"),
        source=make_source(),
    )
    assert "教育工会系统" not in text(client.get("/organizations/edu/"))


# ---- drafts and staff previews


@pytest.fixture
def draft():
    union = make_organization(name="草稿工会", slug="draft-union")
    source = make_source(key="draft-source", headline="一篇报道")
    published = make_action(title="已发布行动", organizations=[union], sources=[source])
    action = make_action(
        title="尚未发布的行动",
        slug="unpublished",
        organizations=[union],
        sources=[source],
        status=Status.DRAFT,
    )
    return published, action


def test_drafts_never_appear_for_the_public(client, draft):
    assert client.get("/actions/unpublished/").status_code == 404
    assert client.get("/en/actions/unpublished/").status_code == 404
    for url in ("/actions/", "/organizations/draft-union/", "/sources/draft-source/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "已发布行动" in text(response), url
        assert "尚未发布的行动" not in text(response), url
    # The sources list only counts citing items: the draft is not counted.
    html = text(client.get("/sources/"))
    assert "救助行动 1<" in html and "尚未发布的行动" not in html
    # Related actions of a published one skip the draft as well.
    assert "尚未发布的行动" not in text(client.get(draft[0].get_absolute_url()))


def test_staff_preview_shows_a_draft_with_a_banner_and_is_never_cached(staff_client, draft):
    response = staff_client.get("/actions/unpublished/")
    assert response.status_code == 200
    html = text(response)
    assert "预览：此内容尚未发布" in html
    assert "<h1>尚未发布的行动</h1>" in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    # The published page is not a preview.
    assert "预览" not in text(staff_client.get(draft[0].get_absolute_url()))
    # Lists stay public-only, even for staff.
    assert "尚未发布的行动" not in text(staff_client.get("/actions/"))


def test_staff_without_view_permission_gets_404(client, draft, django_user_model):
    user = django_user_model.objects.create_user("intern", password="x-not-used", is_staff=True)
    client.force_login(user)
    assert client.get("/actions/unpublished/").status_code == 404


def test_public_action_page_does_not_vary_on_cookie(client, draft):
    response = client.get(draft[0].get_absolute_url())
    assert "Cookie" not in response.get("Vary", "")
    assert "private" not in response.get("Cache-Control", "")


def test_english_interface_marks_chinese_content(client, seeded):
    html = text(client.get("/en/actions/mentougou-ftu-health-centre-gifts/"))
    assert '<html lang="en">' in html
    assert '<h1 lang="zh-Hans">门头沟区总工会向2所卫生院和一线职工送1597份慰问品</h1>' in html
    assert "<dt>Organizations</dt>" in html and "Supplies and gifts" in html
    assert "page not stated" in html
    # In Chinese the page language covers it all.
    assert 'lang="zh-Hans">门头沟' not in text(client.get("/actions/mentougou-ftu-health-centre-gifts/"))


def test_supplied_headlines_are_marked(client):
    source = make_source(key="no-headline", headline="编者拟的标题", headline_supplied=True, page="第3版")
    action = make_action(sources=[source])
    for url in (action.get_absolute_url(), "/sources/", "/sources/no-headline/"):
        html = text(client.get(url))
        assert "[编者拟的标题]" in html, url
        assert "标题为编者所加" in html, url
    html = text(client.get(action.get_absolute_url()))
    assert "第3版" in html and "版面未注明" not in html
