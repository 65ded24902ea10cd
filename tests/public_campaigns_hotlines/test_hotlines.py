import datetime
import re

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import timezone

from reliefsite.hotlines.models import Channel, Holiday, Hotline
from reliefsite.publishing import Status
from tests.factories import make_hotline

from .conftest import clear_page_cache, max_age

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def beijing(*args):
    return datetime.datetime(*args, tzinfo=SHANGHAI)


# 2020-02-05 is a Wednesday: the psychological hotline takes bookings Wednesdays and Thursdays 9-17.
@time_machine.travel(beijing(2020, 2, 5, 16, 0), tick=False)
def test_list_with_seed_data(client, seeded, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 86400  # so that the status, not the cap, sets max-age
    response = client.get("/hotlines/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for tel in (
        'href="tel:4000151123"',
        'href="tel:4000251123"',
        'href="tel:12351"',
        'href="tel:+86-10-60211688"',
    ):
        assert tel in html
    # Grouped by need, psychological support first.
    assert html.index(">心理支持</h2>") < html.index(">法律咨询</h2>")
    assert "每周三、周四 9:00–17:00，法定节假日除外" in html
    assert "正在服务，17:00结束" in html
    assert "报道未公布服务时间，请拨打电话确认" in html
    assert "持北京市工会会员互助服务卡的在职职工" in html
    # One hour until the psychological line closes: no cache may keep the page longer.
    assert max_age(response) == 3600
    english = client.get("/en/hotlines/")
    assert english.status_code == 200 and '<html lang="en">' in english.content.decode()


@time_machine.travel(beijing(2020, 2, 5, 17, 30), tick=False)
def test_detail_with_seed_data(client, seeded):
    response = client.get("/hotlines/bjftu-psychological-hotline/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "不在服务时间，周四 9:00 开始预约" in html
    assert max_age(response) == django_settings.CACHE_MIDDLEWARE_SECONDS  # 15.5 hours away: capped
    for text in (
        "本人工会会员互助服务卡卡号",
        "电话预约，咨询师回电",
        "50至60分钟",
        "免费",
        "严格保密",
        "2020年1月1日",
    ):
        assert text in html
    assert "/organizations/beijing-ftu/" in html  # provider
    assert "/sources/000-psych-hotline/" in html  # citation

    html = client.get("/hotlines/bjftu-12351-legal-consultation/").content.decode()
    assert 'href="tel:12351"' in html
    assert "手机APP：北京工会12351" in html
    assert "微信公众号：北京工会法律援助" in html
    assert "把问题写成文字发出" in html
    assert "报道未说明是否24小时可用" in html
    daxing = client.get("/hotlines/daxing-guardian-angel-platform/").content.decode()
    assert "24小时可用" in daxing


@pytest.mark.django_db
def test_utc_clock_on_a_different_weekday_than_beijing(client, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 86400
    make_hotline(numbers=("4000151123",), hours=[(2, "09:00", "17:00")], mode=Hotline.Mode.BOOKING)
    # Tuesday 22:00 UTC is Wednesday 6:00 in Beijing.
    with time_machine.travel(datetime.datetime(2020, 2, 4, 22, 0, tzinfo=datetime.UTC), tick=False):
        response = client.get("/hotlines/")
    assert "不在服务时间，今天 9:00 开始预约" in response.content.decode()
    assert max_age(response) == 3 * 3600


@pytest.mark.django_db
def test_holiday_from_the_database(client):
    make_hotline(hours=[(2, "09:00", "17:00")], closed_on_public_holidays=True)
    Holiday.objects.create(date=datetime.date(2020, 2, 5), name="测试假日")
    with time_machine.travel(beijing(2020, 2, 5, 23, 59, 0), tick=False):
        response = client.get("/hotlines/")
    assert "今天是法定节假日，不服务，2月12日（周三）9:00 开始服务" in response.content.decode()
    assert max_age(response) == 60  # at midnight it is no longer "today"


@pytest.mark.django_db
def test_round_the_clock_line(client):
    make_hotline(numbers=("12345",), round_the_clock=True)
    response = client.get("/hotlines/")
    html = response.content.decode()
    assert "24小时服务" in html and "24小时</dd>" in html
    assert max_age(response) == django_settings.CACHE_MIDDLEWARE_SECONDS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (beijing(2020, 2, 5, 8, 59, 58), 2),  # Wednesday line opens at 9:00
        (beijing(2020, 2, 5, 16, 59, 1), 59),  # ... and closes at 17:00
        (beijing(2020, 2, 6, 23, 59, 59), 1),  # the all-Thursday line closes at midnight
    ],
)
def test_max_age_never_outlasts_the_next_change(client, settings, moment, expected):
    settings.CACHE_MIDDLEWARE_SECONDS = 86400
    make_hotline(hours=[(2, "09:00", "17:00"), (3, "09:00", "17:00")])
    make_hotline(numbers=("12351",), hours=[(3, "00:00", "23:59")])

    def states(at):
        clear_page_cache()
        with time_machine.travel(at, tick=False):
            response = client.get("/hotlines/")
        return response, re.findall(r"open-status-(\w+)", response.content.decode())

    response, before = states(moment)
    age = max_age(response)
    assert age == expected
    # Unchanged until max-age runs out, changed once it has.
    assert states(moment + datetime.timedelta(seconds=age - 0.5))[1] == before
    assert states(moment + datetime.timedelta(seconds=age + 1))[1] != before


@pytest.mark.django_db
def test_cached_page_expires_when_the_line_closes(client):
    """Through the site's page cache: "open now" is never served after closing time."""
    make_hotline(hours=[(2, "09:00", "17:00")])
    with time_machine.travel(beijing(2020, 2, 5, 16, 59, 0), tick=False):
        assert "正在服务，17:00结束" in client.get("/hotlines/").content.decode()
    with time_machine.travel(beijing(2020, 2, 5, 16, 59, 30), tick=False):
        assert "正在服务，17:00结束" in client.get("/hotlines/").content.decode()
    with time_machine.travel(beijing(2020, 2, 5, 17, 0, 1), tick=False):
        html = client.get("/hotlines/").content.decode()
    assert "正在服务，" not in html and "不在服务时间" in html


@pytest.mark.django_db
def test_drafts_never_appear(client):
    make_hotline(name="已发布热线")
    draft = make_hotline(name="草稿热线", status=Status.DRAFT)
    assert "草稿热线" not in client.get("/hotlines/").content.decode()
    assert "草稿热线" not in client.get("/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_staff_preview_of_a_draft(staff_client):
    draft = make_hotline(name="草稿热线", status=Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "预览：此内容尚未发布" in html and "草稿热线" in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control
    assert "草稿热线" not in staff_client.get("/hotlines/").content.decode()


@pytest.mark.django_db
def test_staff_without_permission_gets_404(client):
    from django.contrib.auth.models import User

    draft = make_hotline(status=Status.DRAFT)
    client.force_login(User.objects.create_user("clerk", password="x", is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_published_page_is_not_marked_as_preview(staff_client):
    hotline = make_hotline()
    Channel.objects.create(
        hotline=hotline, kind=Channel.Kind.WECHAT, name="公众号", instructions="关注后留言。"
    )
    html = staff_client.get(hotline.get_absolute_url()).content.decode()
    assert "预览：此内容尚未发布" not in html and "公众号" in html


@pytest.mark.django_db
def test_malformed_page_number_is_harmless(client):
    make_hotline()
    for page in ("abc", "0", "-1", "99999", "1e9"):
        assert client.get("/hotlines/", {"page": page}).status_code == 200


def test_print_stylesheet_makes_a_notice_board_sheet():
    css = (django_settings.BASE_DIR / "static/css/site.css").read_text()
    section = css[css.index("/* == campaigns, hotlines, home == */") :]
    assert "@page { size: A4" in section
    print_rules = section[section.index("@media print") :]
    for rule in (".site-header nav", ".site-footer", "form", ".open-status", ".tel { font-size: 20pt"):
        assert rule in print_rules


def test_now_is_the_request_time():
    # Guard for the tests above: time_machine moves Django's clock too.
    with time_machine.travel(beijing(2020, 2, 5, 10, 0), tick=False):
        assert timezone.localtime().hour == 10
