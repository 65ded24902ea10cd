"""The hotline, campaign and total-report lists page like every other list: a page number that is
not a number or is out of range shows a page and says which one, never an error."""

import datetime

import pytest
from django.utils import timezone

from reliefsite.campaigns.views import PER_PAGE as CAMPAIGNS_PER_PAGE
from reliefsite.campaigns.views import REPORTS_PER_PAGE
from reliefsite.hotlines.views import PER_PAGE as HOTLINES_PER_PAGE
from tests.factories import make_campaign, make_hotline, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pages_of_hotlines():
    for i in range(HOTLINES_PER_PAGE + 1):
        make_hotline(slug=f"line-{i:02d}", name=f"热线{i:02d}", numbers=(f"6000{i:04d}",))
    return "/hotlines/"


@pytest.fixture
def two_pages_of_campaigns():
    for i in range(CAMPAIGNS_PER_PAGE + 1):
        launched = timezone.make_aware(datetime.datetime(2020, 1, 1, 8) + datetime.timedelta(days=i))
        make_campaign(slug=f"campaign-{i:02d}", name=f"募捐{i:02d}", launched_at=launched)
    return "/campaigns/"


@pytest.fixture
def two_pages_of_reports():
    campaign = make_campaign(slug="long-running")
    start = timezone.make_aware(datetime.datetime(2020, 1, 1, 8))
    for i in range(REPORTS_PER_PAGE + 1):
        make_report(campaign, str(1000 + i), start + datetime.timedelta(hours=i))
    return "/campaigns/long-running/reports/"


@pytest.fixture(params=["two_pages_of_hotlines", "two_pages_of_campaigns", "two_pages_of_reports"])
def two_pages(request):
    return request.getfixturevalue(request.param)


def test_the_second_page_is_linked_and_served(client, two_pages):
    first = client.get(two_pages).content.decode()
    assert 'href="?page=2"' in first and "第1页，共2页" in first
    second = client.get(f"{two_pages}?page=2")
    assert second.status_code == 200
    assert "第2页，共2页" in second.content.decode()


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("abc", "页码“abc”无效，已显示第1页。"),
        ("99", "没有第99页，已显示第2页。"),
        ("0", "没有第0页，已显示第1页。"),
    ],
)
def test_a_bad_page_number_shows_a_page_and_says_which(client, two_pages, number, message):
    response = client.get(f"{two_pages}?page={number}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<p class="notice" role="status">{message}</p>' in html


def test_a_good_page_number_has_no_notice(client, two_pages):
    assert 'class="notice"' not in client.get(f"{two_pages}?page=2").content.decode()
