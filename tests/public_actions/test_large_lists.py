"""Lists that stay small when the data grows: the organization facet's top entries, the paginated
organization directory, the search evaluated once, the home totals."""

import datetime
import re

import pytest

from reliefsite.actions.models import Action
from reliefsite.actions.views import ORGANIZATIONS_SHOWN
from reliefsite.directory.views import PER_PAGE
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier
from tests.factories import make_action, make_campaign, make_disbursement, make_organization

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def organization_options(response):
    select = re.search(
        r'<select id="id_organization" name="organization"[^>]*>(.*?)</select>', text(response), re.S
    )
    return re.findall(r'<option value="([^"]+)"', select.group(1))


def test_organization_facet_lists_the_busiest_and_the_selected_one(client, no_page_cache):
    busy = make_organization(slug="busy-union", name="忙碌工会")
    for _ in range(3):
        make_action(organizations=[busy])
    quiet = [
        make_organization(slug=f"quiet-{i:02d}", name=f"安静工会{i:02d}")
        for i in range(ORGANIZATIONS_SHOWN + 5)
    ]
    for organization in quiet:
        make_action(organizations=[organization])
    make_action(organizations=[busy], status=Status.DRAFT)  # drafts never count

    response = client.get("/actions/")
    shown = organization_options(response)
    assert len(shown) == ORGANIZATIONS_SHOWN
    assert shown[0] == "busy-union"
    assert "忙碌工会 (3)" in text(response)
    # Ties are broken by name, so the cut is stable; the rest are reached through the directory.
    assert shown[1:] == [f"quiet-{i:02d}" for i in range(ORGANIZATIONS_SHOWN - 1)]
    assert 'aria-describedby="organization-hint"' in text(response)
    assert 'href="/organizations/">组织名录</a>' in text(response)

    # An organization outside the top entries stays selectable once chosen.
    last = f"quiet-{ORGANIZATIONS_SHOWN + 4:02d}"
    response = client.get("/actions/", {"organization": last})
    assert last in organization_options(response)
    assert f'<option value="{last}" selected>' in text(response)


def test_the_facet_over_all_published_actions_counts_what_the_direct_count_counts(client, no_page_cache):
    """Without other filters the facet is counted as all links less the unpublished actions' ones:
    the same numbers as counting the published actions' links, drafts and deletions included."""
    both = make_organization(slug="both-union", name="甲工会")
    published_only = make_organization(slug="published-union", name="乙工会")
    drafts_only = make_organization(slug="draft-union", name="丙工会")
    make_action(organizations=[both, published_only])
    make_action(organizations=[both])
    make_action(organizations=[both, drafts_only], status=Status.DRAFT)
    make_action(organizations=[drafts_only], status=Status.DRAFT)
    make_action(organizations=[published_only]).delete()

    expected = [("both-union", "甲工会", 2), ("published-union", "乙工会", 1)]
    assert Action.objects.published().count_by_organization() == expected
    assert Action.objects.count_published_by_organization() == expected
    assert Action.objects.count_published_by_organization(limit=1) == expected[:1]
    assert organization_options(client.get("/actions/")) == ["both-union", "published-union"]


def test_few_organizations_need_no_directory_hint(client, no_page_cache):
    make_action(organizations=[make_organization(slug="only-union")])
    html = text(client.get("/actions/"))
    assert "organization-hint" not in html


def test_search_counts_each_action_once(client, no_page_cache):
    union = make_organization(slug="warm-union", name="暖心工会")
    # Matches through two figures and two organizations, and the title: still one result.
    make_action(
        title="暖心行动",
        organizations=[union, make_organization(name="另一暖心单位")],
        figures=[("1", "个", "暖心包", "exact"), ("2", "个", "暖心卡", "exact")],
        district="pinggu",
    )
    make_action(title="别的行动", organizations=[union], district="pinggu")  # through the organization
    make_action(title="无关行动", organizations=[make_organization()], district="pinggu")
    response = client.get("/actions/", {"q": "暖心"})
    html = text(response)
    assert "2条救助行动" in html
    assert '<option value="pinggu">平谷区 (2)</option>' in html
    assert "暖心工会 (2)" in html


def test_home_totals_count_published_actions_and_their_organizations():
    union = make_organization()
    make_action(organizations=[union, make_organization()])
    make_action(organizations=[union])
    make_action(organizations=[make_organization()], status=Status.DRAFT)
    make_organization()  # in no action
    assert Action.objects.published().totals() == {"actions": 2, "organizations": 2}


@pytest.fixture
def directory():
    """More than two pages of organizations: most of one kind, so that kind spans pages."""
    make_organization(slug="acftu", name="中华全国总工会", kind=Organization.Kind.NATIONAL_FEDERATION)
    for i in range(PER_PAGE + 10):
        make_organization(
            slug=f"shop-{i:03d}", name=f"基层工会{i:03d}", kind=Organization.Kind.ENTERPRISE_UNION
        )
    for i in range(PER_PAGE):
        make_organization(
            slug=f"other-{i:03d}", name=f"其他单位{i:03d}", kind=Organization.Kind.OTHER, district=""
        )


def test_directory_is_paginated_and_grouped_within_the_page(client, no_page_cache, directory):
    html = text(client.get("/organizations/"))
    listed = "".join(re.findall(r'<ul class="directory"[^>]*>(.*?)</ul>', html, re.S))
    assert listed.count("<li>") == PER_PAGE
    assert '<h2 id="group-national_federation">全国总工会 <span class="count">(1)</span></h2>' in html
    # The group's full size, not just this page's part of it.
    assert (
        f'<h2 id="group-enterprise_union">基层单位工会 <span class="count">({PER_PAGE + 10})</span></h2>'
        in html
    )
    assert 'rel="next"' in html and "第1页，共3页" in html
    # The contents line links each group to the page it starts on.
    assert 'href="?page=2#group-other"' in html

    html = text(client.get("/organizations/", {"page": 2}))
    assert '<h2 id="group-enterprise_union">基层单位工会（续）' in html
    assert '<h2 id="group-other">其他 <span class="count">' in html
    assert "基层工会100" in html and "基层工会000" not in html


def test_directory_by_district_keeps_the_by_parameter_and_a_blank_district_last(
    client, no_page_cache, directory
):
    html = text(client.get("/organizations/", {"by": "district", "page": 3}))
    assert '<h2 id="group-none">未注明' in html
    assert 'href="?by=district&amp;page=2"' in html


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "页码“abc”无效，已显示第1页。"),
        ("99", "没有第99页，已显示第3页。"),
        ("0", "没有第0页，已显示第1页。"),
    ],
)
def test_directory_bad_page_falls_back_with_a_message(client, no_page_cache, directory, page, message):
    response = client.get("/organizations/", {"page": page})
    assert response.status_code == 200
    assert message in text(response)


def test_a_search_hands_its_matches_to_the_page_the_count_and_every_facet(client, no_page_cache):
    """The search runs once; the ids it found narrow the page, the count and the three facets."""
    union = make_organization(name="宽泛工会", slug="broad-union", district="chaoyang")
    for i in range(3):
        make_action(
            organizations=[union],
            slug=f"broad-{i}",
            title=f"慰问职工{i}",
            district="chaoyang",
            category="legal",
        )
    make_action(slug="other", title="别的行动", summary="发放口罩。", district="chaoyang", category="legal")
    html = client.get("/actions/", {"q": "慰问"}).content.decode()
    assert all(f'href="/actions/broad-{i}/"' in html for i in range(3))
    assert 'href="/actions/other/"' not in html
    assert "朝阳区 (3)" in html and "宽泛工会 (3)" in html


def test_an_organization_page_bounds_each_list_and_says_so(client, no_page_cache, monkeypatch):
    monkeypatch.setattr("reliefsite.directory.views.OTHERS_SHOWN", 2)
    monkeypatch.setattr("reliefsite.directory.views.CHILDREN_SHOWN", 2)
    union = make_organization(slug="big-union", name="大工会")
    for i in range(3):
        make_organization(slug=f"member-{i}", name=f"成员工会{i}", parent=union)
        make_action(
            organizations=[union],
            slug=f"money-{i}",
            start_date=datetime.date(2020, 2, 1 + i),
            figures=[("1000", "元", "捐款", Qualifier.EXACT)],
        ).recipients.set([union])
        campaign = make_campaign(organizer=union, slug=f"campaign-{i}")
        make_disbursement(campaign, "100", f"2020-02-0{1 + i}", recipient=union)

    html = text(client.get("/organizations/big-union/"))
    assert "只列出前2个下属工会。" in html
    assert html.count('href="/organizations/member-') == 2
    # The newest two money actions, with the way to all of them.
    money = html[html.index("其行动中的资金数字") : html.index("作为受赠方的行动")]
    assert re.findall(r'href="/actions/(money-\d)/"', money) == ["money-2", "money-1"]
    assert "只列出最近的2条行动。" in money and 'href="/actions/?organization=big-union"' in money
    # Received payments: the newest two, the total still over all three.
    table = html[html.index("收到的募捐拨付") :]
    assert "只列出最近的2笔拨付；合计包括全部拨付。" in table
    assert "<strong>300元</strong>" in table
    assert "只列出最近的2个募捐项目。" in html


def test_an_organization_page_without_more_has_no_notes(client, no_page_cache):
    union = make_organization(slug="small-union")
    make_organization(slug="member", parent=union)
    make_action(organizations=[union], figures=[("1000", "元", "捐款", Qualifier.EXACT)])
    make_action(organizations=[union], status=Status.DRAFT)
    html = text(client.get("/organizations/small-union/"))
    assert 'href="/organizations/member/"' in html
    assert '救助行动 <span class="count">(1)</span>' in html  # the draft is not counted
    assert "只列出" not in html
