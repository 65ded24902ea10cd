"""Desktop: an editor records a new campaign total, a publisher publishes it, and the public sees it.

Three people, three browser contexts: the public visitor (no cookies, so served from the page cache
when it can be), the editor and the publisher, each logged in through the real login form.
"""

import re

import pytest
from playwright.sync_api import expect

from reliefsite.campaigns.models import Campaign, TotalReport
from reliefsite.publishing import Status
from reliefsite.sources.models import Source
from tools.chromium import DESKTOP

from .pages import CAMPAIGN, admin_path
from .staff import EDITORS, PUBLISHERS, log_in, staff_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(viewport=DESKTOP),
]

CAMPAIGN_PAGE = f"/campaigns/{CAMPAIGN}/"
NEW_TOTAL = "2000万元"
NEW_AS_OF = "2020年2月10日12:00"


def public_view(new_context, path, from_page_cache=None):
    """A visitor who has never been here: a new context has neither cookies nor a browser cache."""
    page = new_context().new_page()
    response = page.goto(path)
    assert response.status == 200
    if from_page_cache is not None:
        # The page cache adds Age to the responses it answers from its store.
        assert ("age" in response.headers) is from_page_cache, response.headers
    return page


def campaign_card(home):
    return home.get_by_role("region", name="募捐进展").get_by_role("listitem").filter(has_text="温暖武汉")


def test_editor_records_total_publisher_publishes_public_pages_show_it(site, new_context):
    staff_user("editor", EDITORS)
    staff_user("publisher", PUBLISHERS)
    campaign = Campaign.objects.get(slug=CAMPAIGN)
    source = Source.objects.get(key="004-warm-wuhan")

    # Before: the public pages show the seed's latest total, and are now in the page cache.
    for path in (CAMPAIGN_PAGE, "/"):
        public_view(new_context, path, from_page_cache=False)
    before = public_view(new_context, CAMPAIGN_PAGE, from_page_cache=True)
    expect(before.locator(".total")).to_contain_text("1698万元")
    expect(campaign_card(public_view(new_context, "/", from_page_cache=True))).to_contain_text("1698万元")

    # The editor finds the campaign and records the new total.
    editor = new_context().new_page()
    log_in(editor, "editor")
    campaigns = admin_path("campaigns_campaign_changelist")
    editor.locator("#content-main").locator(f'a[href="{campaigns}"]').first.click()
    editor.get_by_role("link", name="温暖武汉", exact=True).click()
    editor.get_by_role("link", name="记录新的累计总额").click()
    expect(editor).to_have_url(
        re.compile(re.escape(admin_path("campaigns_campaign_record_total", campaign.pk)))
    )
    expect(editor.locator("#latest-total")).to_contain_text("1698万元")
    # Only publishers may publish on the spot.
    expect(editor.get_by_label("立即发布")).to_have_count(0)

    editor.locator("#id_as_of_0").fill("2020-02-10")
    editor.locator("#id_as_of_1").fill("12:00")
    editor.get_by_label("时间精度").select_option("minute")
    editor.get_by_label("累计善款（元）").fill("20000000")
    editor.get_by_label("金额限定词").select_option("exact")
    editor.get_by_label("捐款人数").fill("120000")
    editor.get_by_label("人数限定词").select_option("exact")
    editor.get_by_label("信息来源").select_option(str(source.pk))
    editor.get_by_role("button", name="保存").click()

    expect(editor.locator(".messagelist")).to_contain_text("草稿，待发布人发布")
    report = TotalReport.objects.get(campaign=campaign, amount=20_000_000)
    assert report.status == Status.DRAFT

    # A draft never reaches the public.
    expect(public_view(new_context, CAMPAIGN_PAGE).locator(".total")).to_contain_text("1698万元")

    # The publisher publishes it from the list of totals.
    publisher = new_context().new_page()
    log_in(publisher, "publisher")
    publisher.goto(admin_path("campaigns_totalreport_changelist") + "?status__exact=draft")
    row = publisher.locator("#result_list tbody tr").filter(has_text="2000万元")
    expect(row).to_have_count(1)
    row.get_by_role("checkbox").check()
    publisher.locator("select[name=action]").select_option("publish_selected")
    publisher.get_by_role("button", name="执行").click()
    expect(publisher.locator(".messagelist")).to_contain_text("已发布 1 条")
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED

    # After: both public pages show the new total at once; publishing emptied the page cache.
    after = public_view(new_context, CAMPAIGN_PAGE, from_page_cache=False)
    expect(after.locator(".total")).to_contain_text(NEW_TOTAL)
    expect(after.locator(".as-of")).to_have_text(re.compile(rf"截至\s*{NEW_AS_OF}"))
    expect(after.get_by_role("region", name="累计总额变化").get_by_role("table")).to_contain_text(NEW_TOTAL)
    home = public_view(new_context, "/", from_page_cache=False)
    expect(campaign_card(home)).to_contain_text(NEW_TOTAL)
    expect(home.get_by_role("region", name="数字一览")).to_contain_text(NEW_TOTAL)
