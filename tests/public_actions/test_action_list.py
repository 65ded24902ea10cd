"""The relief actions list: figures as printed, filters with counts, search, pagination, bad input."""

import datetime
import re

import pytest

from reliefsite.actions.forms import MAX_QUERY_LENGTH
from reliefsite.actions.models import Action
from reliefsite.actions.views import PER_PAGE
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier
from tests.factories import make_action, make_organization

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def titles(response):
    return re.findall(r'<h3><a href="/(?:en/)?actions/[^"]+/">([^<]+)</a></h3>', text(response))


def option(response, name, value):
    """The text of one <option> of the <select name=...>."""
    select = re.search(
        rf'<select id="id_{name}" name="{name}"[^>]*>(.*?)</select>', text(response), re.S
    ).group(1)
    match = re.search(rf'<option value="{value}"( selected)?>([^<]*)</option>', select)
    return match.group(2) if match else None


def test_list_renders_seed_actions_with_figures_as_printed(client, seeded):
    response = client.get("/actions/")
    assert response.status_code == 200
    html = text(response)
    assert html.count("<h1>") == 1
    assert f"{Action.objects.published().count()}条救助行动" in html
    # The seed figures, exactly as the newspaper printed them. The first page shows the 20 latest.
    page2 = text(client.get("/actions/?page=2"))
    both = html + page2
    for printed in ("1597份", "200多个", "695.74万余元", "4.4万多名", "10万元", "5万元"):
        assert f"<strong>{printed}</strong>" in both, printed
    assert "2020年2月4日前" in both  # "近日": happened on or before the publication day
    assert "2020年2月1日至2月3日" in both


def test_keyword_search_finds_chinese_substrings(client, seeded):
    response = client.get("/actions/", {"q": "暖手宝"})
    assert titles(response) == ["和平里街道总工会为一线社区工作者送200多个暖手宝"]
    assert "<strong>200多个</strong>" in text(response)

    response = client.get("/actions/", {"q": "门头沟"})
    found = titles(response)
    assert len(found) == 4
    assert all("门头沟" in title for title in found)
    # Facet counts honour the search.
    assert option(response, "district", "mentougou") == "门头沟区 (4)"
    assert option(response, "organization", "mentougou-ftu") == "门头沟区总工会 (4)"
    assert option(response, "district", "pinggu") is None


def test_several_words_must_all_match(client, seeded):
    assert len(titles(client.get("/actions/", {"q": "门头沟　慰问品"}))) == 1  # full-width space
    assert titles(client.get("/actions/", {"q": "门头沟 暖手宝"})) == []


def test_filters_combine_and_each_facet_counts_with_the_other_filters(client):
    mentougou = make_organization(name="门头沟区总工会", slug="mentougou-ftu", district="mentougou")
    pinggu = make_organization(name="平谷区总工会", slug="pinggu-ftu", district="pinggu")
    make_action(organizations=[mentougou], district="mentougou", category="funds")
    make_action(organizations=[mentougou], district="mentougou", category="goods")
    make_action(organizations=[pinggu], district="pinggu", category="funds")
    make_action(organizations=[pinggu], district="pinggu", category="funds", status=Status.DRAFT)

    response = client.get("/actions/", {"category": "funds"})
    assert "2条救助行动" in text(response)
    # District counts are restricted by the category filter ...
    assert option(response, "district", "mentougou") == "门头沟区 (1)"
    assert option(response, "district", "pinggu") == "平谷区 (1)"
    # ... but the category's own counts ignore it, so other choices show what they would give.
    assert option(response, "category", "funds") == "资金与慰问金 (2)"
    assert option(response, "category", "goods") == "物资与慰问品 (1)"

    response = client.get("/actions/", {"category": "funds", "district": "mentougou"})
    assert "1条救助行动" in text(response)
    assert option(response, "organization", "mentougou-ftu") == "门头沟区总工会 (1)"
    assert option(response, "organization", "pinggu-ftu") is None

    response = client.get("/actions/", {"organization": "pinggu-ftu"})
    assert "1条救助行动" in text(response)  # the draft is not counted
    assert option(response, "organization", "pinggu-ftu") == "平谷区总工会 (1)"
    assert option(response, "district", "pinggu") == "平谷区 (1)"


def test_selected_filter_without_results_stays_selected(client):
    make_action(district="dongcheng", category="goods")
    response = client.get("/actions/", {"district": "huairou", "category": "goods"})
    assert "0条救助行动" in text(response)
    assert option(response, "district", "huairou") == "怀柔区 (0)"
    assert 'value="huairou" selected' in text(response)
    assert "没有符合条件的救助行动" in text(response)


def test_date_range_keeps_actions_that_overlap_it(client):
    make_action(title="二月一日", start_date=datetime.date(2020, 2, 1))
    make_action(title="跨三天", start_date=datetime.date(2020, 2, 1), end_date=datetime.date(2020, 2, 3))
    make_action(title="二月六日", start_date=datetime.date(2020, 2, 6))

    found = titles(client.get("/actions/", {"date_from": "2020-02-02", "date_to": "2020-02-05"}))
    assert found == ["跨三天"]
    found = titles(client.get("/actions/", {"date_from": "2020-02-06"}))
    assert found == ["二月六日"]
    found = titles(client.get("/actions/", {"date_to": "2020-02-01"}))
    assert sorted(found) == ["二月一日", "跨三天"]


def test_the_url_carries_the_filters_into_pagination_links(client):
    organization = make_organization(slug="big-union")
    for _ in range(PER_PAGE + 1):
        make_action(organizations=[organization], category="funds")
    response = client.get("/actions/", {"category": "funds", "organization": "big-union", "q": "测试"})
    html = text(response)
    assert 'href="?q=%E6%B5%8B%E8%AF%95&amp;organization=big-union&amp;category=funds&amp;page=2"' in html
    assert 'value="funds" selected' in html and 'value="big-union" selected' in html
    assert 'method="get"' in html


@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("2", 2, None),
        ("3", 2, "没有第3页，已显示第2页。"),
        ("99999999999999999999", 2, "已显示第2页"),
        ("0", 1, "没有第0页，已显示第1页。"),
        ("-4", 1, "已显示第1页"),
        ("abc", 1, "页码“abc”无效，已显示第1页。"),
        ("2.5", 1, "已显示第1页"),
        ("", 1, None),
    ],
)
def test_pagination_bounds(client, page, shown, message):
    for _ in range(PER_PAGE + 3):
        make_action()
    response = client.get("/actions/", {"page": page})
    assert response.status_code == 200
    html = text(response)
    assert f"第{shown}页，共2页" in html
    assert len(titles(response)) == (PER_PAGE if shown == 1 else 3)
    if message:
        assert message in html
    else:
        assert 'role="status"' not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"district": "atlantis"}, "没有“atlantis”这个区域，已忽略。"),
        ({"category": "<script>"}, "没有“&lt;script&gt;”这个类别，已忽略。"),
        ({"organization": "no-such-union"}, "没有找到标识为“no-such-union”的组织，已忽略。"),
        ({"organization": "不是标识"}, "组织标识无效，已忽略。"),
        ({"date_from": "2020-13-45"}, "起始日期请按 2020-02-01 的格式填写，已忽略。"),
        ({"date_to": "yesterday"}, "截止日期请按 2020-02-07 的格式填写，已忽略。"),
        ({"date_from": "2020-02-07", "date_to": "2020-02-01"}, "截止日期早于起始日期，日期范围已忽略。"),
        ({"q": "长" * (MAX_QUERY_LENGTH + 1)}, f"关键词最多{MAX_QUERY_LENGTH}个字，已忽略。"),
        ({"q": "a\x00b"}, "关键词："),
        ({"district": "x" * 5000}, "没有“" + "x" * 40 + "…”这个区域，已忽略。"),
    ],
)
def test_malformed_parameters_give_a_message_and_are_ignored(client, params, message):
    make_action(title="照常显示的行动")
    response = client.get("/actions/", params)
    assert response.status_code == 200
    html = text(response)
    assert 'role="alert"' in html
    assert message in html
    # The invalid filter is ignored: the list still shows everything.
    assert titles(response) == ["照常显示的行动"]


@pytest.mark.parametrize("q", ["%", "_", "\\", "'; DROP TABLE actions_action; --", "<b>暖</b>"])
def test_search_treats_special_characters_literally(client, q):
    make_action(title="普通行动")
    response = client.get("/actions/", {"q": q})
    assert response.status_code == 200
    assert titles(response) == []
    assert "<b>" not in text(response)


def test_unknown_parameters_are_ignored_silently(client):
    make_action(title="照常显示的行动")
    response = client.get("/actions/", {"utm_source": "wechat", "from": "singlemessage"})
    assert response.status_code == 200
    assert titles(response) == ["照常显示的行动"]
    assert 'role="alert"' not in text(response)


def test_valid_filters_still_apply_next_to_an_invalid_one(client):
    make_action(title="东城", district="dongcheng")
    make_action(title="平谷", district="pinggu")
    response = client.get("/actions/", {"district": "pinggu", "category": "nonsense"})
    assert titles(response) == ["平谷"]
    assert "没有“nonsense”这个类别" in text(response)


def test_drafts_never_listed_counted_or_found(client):
    make_action(title="已发布的暖手宝")
    make_action(title="草稿暖手宝", status=Status.DRAFT, district="huairou")
    response = client.get("/actions/", {"q": "暖手宝"})
    assert titles(response) == ["已发布的暖手宝"]
    assert "草稿" not in text(response)
    assert option(response, "district", "huairou") is None


def test_figures_keep_their_qualifiers(client):
    make_action(
        title="数字",
        figures=[
            ("44000", "人", "捐款人数", Qualifier.YU),
            ("75000", "人", "在保医务人员", Qualifier.ABOUT),
            ("223200", "元", "最高赔付", Qualifier.UP_TO),
        ],
    )
    html = text(client.get("/actions/"))
    assert "<strong>4.4万余人</strong>" in html
    assert "<strong>约7.5万人</strong>" in html
    assert "<strong>最高22.32万元</strong>" in html


def test_english_interface_keeps_chinese_content(client):
    make_action(title="门头沟区总工会送慰问品", district="mentougou", category="goods")
    response = client.get("/en/actions/", {"district": "mars"})
    html = text(response)
    assert '<html lang="en">' in html
    assert "<h1>Relief actions</h1>" in html
    assert "门头沟区总工会送慰问品" in html
    assert "Supplies and gifts" in html  # category names are interface, translated
    assert "There is no district “mars”; ignored." in html
    assert 'href="/en/actions/' in html
