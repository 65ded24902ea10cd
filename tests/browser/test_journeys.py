"""What visitors come for, done the way they do it: on a 375 px phone, by tapping links and forms.

The editors' journey, which changes the data, is in test_editor_journey.py.
"""

import datetime
import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Disbursement
from reliefsite.hotlines.models import Hotline
from tools.chromium import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEIJING = ZoneInfo("Asia/Shanghai")
# The psychological hotline of the seed data answers on Wednesdays and Thursdays, 9:00-17:00.
WEDNESDAY_MORNING = datetime.datetime(2020, 2, 5, 10, 0, tzinfo=BEIJING)
WEDNESDAY_EVENING = datetime.datetime(2020, 2, 5, 20, 0, tzinfo=BEIJING)
MIN_TAP_TARGET = 24  # px, WCAG 2.2 target size (minimum)


def fits_the_phone(page):
    """Nothing sticks out sideways: the reader never has to scroll the whole page horizontally."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def psychological_hotline_statuses(page):
    section = page.get_by_role("region", name="心理支持")
    hotlines = Hotline.objects.published().filter(need=Hotline.Need.PSYCHOLOGICAL).prefetch_related("numbers")
    assert len(hotlines) >= 2
    expect(section.get_by_role("article")).to_have_count(len(hotlines))
    statuses = {}
    for hotline in hotlines:
        card = section.get_by_role("article", name=hotline.name)
        calls = card.get_by_role("link", name=re.compile("^拨打"))
        expect(calls).to_have_count(hotline.numbers.count())
        for phone, call in zip(hotline.numbers.all(), calls.all(), strict=True):
            expect(call).to_have_attribute("href", phone.tel_uri)
            assert phone.tel_uri.startswith("tel:")
            expect(call).to_contain_text(phone.number)
            box = call.bounding_box()
            assert box["height"] >= MIN_TAP_TARGET and box["width"] >= MIN_TAP_TARGET, (phone.number, box)
        statuses[hotline.slug] = card.locator(".open-status").inner_text().strip()
    return statuses


def test_worker_finds_psychological_hotlines_from_home_in_one_tap(site, page):
    # The server decides "open now"; time-machine moves the clock of this process, whose thread the
    # live server is, so both stand on a Wednesday in February 2020.
    with time_machine.travel(WEDNESDAY_MORNING, tick=True):
        page.goto("/")
        page.get_by_role("navigation", name="主导航").get_by_role("link", name="求助热线").click()
        expect(page).to_have_url(f"{site}/hotlines/")
        expect(page.get_by_role("heading", level=1)).to_have_text("求助热线")
        statuses = psychological_hotline_statuses(page)
        fits_the_phone(page)
    assert statuses["bjftu-psychological-hotline"] == "正在服务，17:00结束"
    assert statuses["daxing-guardian-angel-platform"] == "报道未公布服务时间，请拨打电话确认"

    with time_machine.travel(WEDNESDAY_EVENING, tick=True):
        page.goto("/")
        page.get_by_role("navigation", name="主导航").get_by_role("link", name="求助热线").click()
        statuses = psychological_hotline_statuses(page)
    assert statuses["bjftu-psychological-hotline"] == "不在服务时间，周四 9:00 开始预约"


def loaded(page, query_part):
    """Wait for the page the form submission leads to: reading too early would see the old list."""
    expect(page).to_have_url(re.compile(re.escape(query_part)))
    page.wait_for_load_state()


def result_titles(page):
    results = page.get_by_role("region", name=re.compile(r"\d+条救助行动"))
    return results.get_by_role("article").get_by_role("heading").all_inner_texts()


def test_visitor_filters_searches_and_shares_relief_actions(site, page, new_context):
    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="救助行动").click()
    expect(page).to_have_url(f"{site}/actions/")
    everything = result_titles(page)

    page.get_by_label("区域").select_option("dongcheng")
    page.get_by_label("类别").select_option("goods")
    page.get_by_role("button", name="筛选").click()
    loaded(page, "category=goods")
    expected = set(
        Action.objects.published()
        .filter(district="dongcheng", category="goods")
        .values_list("title", flat=True)
    )
    assert len(expected) >= 2
    assert set(result_titles(page)) == expected
    assert len(everything) > len(expected)

    page.get_by_label("关键词").fill("暖手宝")
    page.get_by_label("关键词").press("Enter")
    loaded(page, "q=")
    shown = result_titles(page)
    assert shown == ["和平里街道总工会为一线社区工作者送200多个暖手宝"]
    expect(page.get_by_role("heading", name="1条救助行动")).to_be_visible()
    # The filters survive the search, and the page says which are on.
    expect(page.get_by_label("区域")).to_have_value("dongcheng")
    expect(page.get_by_label("类别")).to_have_value("goods")
    fits_the_phone(page)

    shared = page.url
    query = parse_qs(urlsplit(shared).query)
    assert query["district"] == ["dongcheng"]
    assert query["category"] == ["goods"]
    assert query["q"] == ["暖手宝"]

    # Someone else opens the link: a fresh browser context, no history, no cookies.
    friend = new_context().new_page()
    friend.goto(shared)
    assert result_titles(friend) == shown
    expect(friend.get_by_label("关键词")).to_have_value("暖手宝")
    expect(friend.get_by_label("区域")).to_have_value("dongcheng")
    expect(friend.get_by_label("类别")).to_have_value("goods")


def test_donor_sees_latest_total_chart_and_where_the_money_went(site, page):
    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="募捐").click()
    page.get_by_role("link", name="温暖武汉", exact=True).first.click()
    expect(page).to_have_url(f"{site}/campaigns/warm-wuhan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("温暖武汉")

    latest = page.get_by_role("region", name="最新累计总额")
    expect(latest.locator(".total")).to_contain_text("1698万元")
    expect(latest.locator(".as-of")).to_have_text(re.compile(r"截至\s*2020年2月6日下午"))

    # The chart is inline SVG (no script, no image request), named for screen readers, and fits.
    history = page.get_by_role("region", name="累计总额变化")
    chart = history.locator("figure svg")
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    expect(history.get_by_role("img", name=re.compile("温暖武汉"))).to_be_visible()
    assert chart.locator("polyline").count() >= 1
    assert chart.bounding_box()["width"] <= PHONE["width"]
    # The same numbers as a table, for anyone who cannot see the chart.
    expect(history.get_by_role("table")).to_contain_text("1698万元")

    ledger = page.get_by_role("region", name="拨付明细").get_by_role("table")
    paid = Disbursement.objects.published().filter(campaign__slug="warm-wuhan")
    expect(ledger.locator("tbody tr")).to_have_count(paid.count())
    for recipient, amount in [("湖北省总工会", "200万元"), ("武汉市总工会", "100万元")]:
        recipient_link = page.get_by_role("link", name=recipient, exact=True)
        expect(ledger.locator("tbody tr").filter(has=recipient_link)).to_contain_text(amount)
    expect(ledger.locator("tbody tr").last).to_contain_text("600万元")  # the running total
    fits_the_phone(page)


def test_language_switcher_shows_english_and_back(site, page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    # The switcher is a list of plain links in the footer.
    switcher = page.get_by_role("contentinfo").get_by_role("navigation", name=re.compile("Language"))
    switcher.get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{site}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    main_nav = page.get_by_role("navigation").first
    expect(main_nav.get_by_role("link", name="Help hotlines")).to_be_visible()
    expect(page.get_by_role("link", name="Beijing Unions Epidemic Relief")).to_be_visible()

    # Deeper in the site the switcher keeps the reader on the same page.
    main_nav.get_by_role("link", name="Help hotlines").click()
    expect(page).to_have_url(f"{site}/en/hotlines/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Help hotlines")
    switcher = page.get_by_role("contentinfo").get_by_role("navigation", name=re.compile("Language"))
    switcher.get_by_role("link", name="简体中文").click()

    expect(page).to_have_url(f"{site}/hotlines/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("heading", level=1)).to_have_text("求助热线")
    expect(page.get_by_role("navigation", name="主导航").get_by_role("link", name="求助热线")).to_be_visible()
