import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template

from reliefsite.core.templatetags.relief_format import action_when, cn_date


def action(start, end=None, qualifier="exact"):
    return SimpleNamespace(start_date=start, end_date=end, date_qualifier=qualifier)


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (datetime.date(2020, 2, 6), "2020年2月6日"),
        (datetime.date(2020, 12, 31), "2020年12月31日"),
        # 20:00 UTC on the 5th is already the 6th in Beijing.
        (datetime.datetime(2020, 2, 5, 20, 0, tzinfo=datetime.UTC), "2020年2月6日"),
        (None, ""),
        ("", ""),
    ],
)
def test_cn_date(value, printed):
    assert cn_date(value) == printed


def test_action_when():
    feb = datetime.date(2020, 2, 1)
    assert action_when(action(feb)) == "2020年2月1日"
    assert action_when(action(feb, qualifier="on_or_before")) == "2020年2月1日前"
    assert action_when(action(feb, datetime.date(2020, 2, 3))) == "2020年2月1日至2月3日"
    assert action_when(action(feb, feb)) == "2020年2月1日"
    assert action_when(action(datetime.date(2019, 12, 30), feb)) == "2019年12月30日至2020年2月1日"


def test_quantity_and_as_of_tags():
    template = Template(
        '{% load relief_format %}{% quantity v "元" "yu" %}|{% as_of t "afternoon" %}|{{ d|cn_date }}'
    )
    html = template.render(
        Context(
            {
                "v": Decimal("6957400"),
                "t": datetime.datetime(2020, 2, 6, 7, 0, tzinfo=datetime.UTC),
                "d": datetime.date(2020, 2, 7),
            }
        )
    )
    assert html == "695.74万余元|2020年2月6日下午|2020年2月7日"
