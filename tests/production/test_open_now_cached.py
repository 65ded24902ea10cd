"""'Open now' stays true under the page cache: the hotline pages' max-age ends each entry exactly
when a line opens or closes, so a cached "open" page is never served after closing time."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from reliefsite.hotlines.models import Weekday
from tests.factories import make_hotline

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
# 5 February 2020 was a Wednesday.
WEDNESDAY = datetime.date(2020, 2, 5)


def at(hour, minute, second=0):
    return datetime.datetime.combine(WEDNESDAY, datetime.time(hour, minute, second), tzinfo=BEIJING)


@pytest.mark.parametrize("url", ["/hotlines/", "/en/hotlines/", "/", "detail"])
def test_cached_open_status_turns_closed_at_closing_time(
    client, page_cache, time_machine, django_assert_num_queries, url
):
    hotline = make_hotline(name="职工心理咨询热线", hours=[(Weekday.WEDNESDAY, "09:00", "17:00")])
    url = hotline.get_absolute_url() if url == "detail" else url

    time_machine.move_to(at(16, 59, 30), tick=False)
    first = client.get(url)
    assert "open-status-open" in first.content.decode()
    assert "max-age=30" in first["Cache-Control"]

    time_machine.move_to(at(16, 59, 50), tick=False)
    with django_assert_num_queries(0):  # still the cached page, still correct
        assert "open-status-open" in client.get(url).content.decode()

    time_machine.move_to(at(17, 0, 30), tick=False)
    after = client.get(url).content.decode()
    assert "open-status-closed" in after
    assert "open-status-open" not in after
