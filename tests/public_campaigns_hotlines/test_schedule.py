"""status_at() and friends: pure functions, no database."""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reliefsite.hotlines import schedule
from reliefsite.hotlines.schedule import ALWAYS, CLOSED, OPEN, UNKNOWN, Period

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = datetime.UTC
NINE, FIVE = datetime.time(9), datetime.time(17)
# The psychological hotline: Wednesdays and Thursdays 9:00-17:00, closed on public holidays.
WED_THU = [Period(2, NINE, FIVE), Period(3, NINE, FIVE)]


def at(*args, zone=SHANGHAI):
    return datetime.datetime(*args, tzinfo=zone)


def status(now, hours=WED_THU, round_the_clock=False, closed_on_holidays=True, holidays=(), **kw):
    return schedule.status_at(hours, round_the_clock, closed_on_holidays, holidays, now, **kw)


def words(now, **kw):
    return schedule.describe(status(now, **kw), now, booking=True)


# 2020-02-05 is a Wednesday.
def test_open_during_hours_until_closing_time():
    result = status(at(2020, 2, 5, 10, 0))
    assert result.state == OPEN
    assert result.until == at(2020, 2, 5, 17, 0)
    assert words(at(2020, 2, 5, 10, 0)) == "正在服务，17:00结束"


def test_opening_and_closing_instants_are_half_open():
    assert status(at(2020, 2, 5, 9, 0)).state == OPEN
    assert status(at(2020, 2, 5, 8, 59, 59)).state == CLOSED
    closing = status(at(2020, 2, 5, 17, 0))
    assert closing.state == CLOSED
    assert closing.next_open == at(2020, 2, 6, 9, 0)
    assert words(at(2020, 2, 5, 17, 0)) == "不在服务时间，周四 9:00 开始预约"


def test_before_opening_today_says_today():
    assert words(at(2020, 2, 5, 7, 30)) == "不在服务时间，今天 9:00 开始预约"


def test_next_opening_several_days_ahead_crosses_the_weekend():
    result = status(at(2020, 2, 6, 18, 0))  # Thursday evening
    assert result.next_open == at(2020, 2, 12, 9, 0)
    assert words(at(2020, 2, 6, 18, 0)) == "不在服务时间，周三 9:00 开始预约"


def test_same_weekday_next_week_gives_the_date():
    # Wednesday-only line, Wednesday evening: "周三" alone would read as today.
    now = at(2020, 2, 5, 18, 0)
    text = schedule.describe(status(now, hours=[Period(2, NINE, FIVE)]), now)
    assert text == "不在服务时间，2月12日（周三）9:00 开始服务"


def test_a_holiday_closes_a_line_that_closes_on_holidays():
    holidays = {datetime.date(2020, 2, 5)}
    result = status(at(2020, 2, 5, 10, 0), holidays=holidays)
    assert result.state == CLOSED and result.holiday
    assert result.next_open == at(2020, 2, 6, 9, 0)
    # "today is a holiday" stops being true at midnight, before the next opening.
    assert result.changes_at == at(2020, 2, 6, 0, 0)
    assert words(at(2020, 2, 5, 10, 0), holidays=holidays) == "今天是法定节假日，不服务，周四 9:00 开始预约"
    assert status(at(2020, 2, 5, 10, 0), holidays=holidays, closed_on_holidays=False).state == OPEN


def test_next_opening_skips_the_spring_festival_holidays():
    # 2020's Spring Festival holidays, extended: 24 January to 2 February.
    holidays = {datetime.date(2020, 1, 24) + datetime.timedelta(days=n) for n in range(10)}
    now = at(2020, 1, 23, 18, 0)  # Thursday before the holidays
    result = status(now, holidays=holidays)
    assert result.next_open == at(2020, 2, 5, 9, 0)
    assert words(now, holidays=holidays) == "不在服务时间，2月5日（周三）9:00 开始预约"


def test_periods_meeting_at_midnight_run_on():
    # A night line entered as Monday 22:00-23:59 and Tuesday 0:00-6:00.
    night = [
        Period(0, datetime.time(22), datetime.time(23, 59)),
        Period(1, datetime.time(0), datetime.time(6)),
    ]
    monday_late = at(2020, 2, 3, 23, 30)
    result = status(monday_late, hours=night)
    assert result.state == OPEN
    assert result.until == at(2020, 2, 4, 6, 0)
    assert schedule.describe(result, monday_late) == "正在服务，周二 6:00结束"
    assert status(at(2020, 2, 3, 23, 59, 30), hours=night).state == OPEN
    after_midnight = status(at(2020, 2, 4, 0, 0), hours=night)
    assert after_midnight.state == OPEN and after_midnight.until == at(2020, 2, 4, 6, 0)
    assert status(at(2020, 2, 4, 6, 0), hours=night).next_open == at(2020, 2, 10, 22, 0)


def test_a_period_to_midnight_closes_at_24_00():
    late = [Period(2, datetime.time(20), datetime.time(23, 59))]
    now = at(2020, 2, 5, 21, 0)
    result = status(now, hours=late)
    assert result.until == at(2020, 2, 6, 0, 0)
    assert schedule.describe(result, now) == "正在服务，24:00结束"


def test_round_the_clock_is_always_open_and_never_expires():
    result = status(at(2020, 2, 5, 3, 0), hours=[], round_the_clock=True, closed_on_holidays=False)
    assert result.state == ALWAYS and result.is_open
    assert schedule.seconds_until_change(result, at(2020, 2, 5, 3, 0)) is None
    assert schedule.describe(result, at(2020, 2, 5, 3, 0)) == "24小时服务"


def test_round_the_clock_except_holidays_closes_at_the_holiday():
    holidays = {datetime.date(2020, 2, 8)}
    result = status(at(2020, 2, 5, 3, 0), hours=[], round_the_clock=True, holidays=holidays)
    assert result.state == OPEN and result.until == at(2020, 2, 8, 0, 0)
    on_holiday = status(at(2020, 2, 8, 12, 0), hours=[], round_the_clock=True, holidays=holidays)
    assert on_holiday.state == CLOSED and on_holiday.next_open == at(2020, 2, 9, 0, 0)


def test_hours_not_published_are_unknown():
    result = status(at(2020, 2, 5, 10, 0), hours=[])
    assert result.state == UNKNOWN and not result.is_open
    assert schedule.seconds_until_change(result, at(2020, 2, 5, 10, 0)) is None
    assert words(at(2020, 2, 5, 10, 0), hours=[]) == "报道未公布服务时间，请拨打电话确认"


def test_now_in_utc_is_judged_in_the_site_zone():
    # Tuesday 20:00 UTC is Wednesday 4:00 in Beijing: the Wednesday line opens today.
    now = at(2020, 2, 4, 20, 0, zone=UTC)
    result = status(now)
    assert result.state == CLOSED and result.next_open == at(2020, 2, 5, 9, 0)
    assert words(now) == "不在服务时间，今天 9:00 开始预约"
    # Wednesday 2:00 UTC is Wednesday 10:00 in Beijing: open.
    assert status(at(2020, 2, 5, 2, 0, zone=UTC)).state == OPEN
    # Thursday 16:00 UTC is already Friday 0:00 in Beijing: closed until next Wednesday.
    assert status(at(2020, 2, 6, 16, 0, zone=UTC)).next_open == at(2020, 2, 12, 9, 0)


def test_naive_now_means_site_time():
    assert status(datetime.datetime(2020, 2, 5, 10, 0)).state == OPEN


def test_a_line_not_yet_started_opens_on_its_first_day():
    result = status(at(2020, 1, 15, 10, 0), starts_on=datetime.date(2020, 2, 3))
    assert result.next_open == at(2020, 2, 5, 9, 0)


def test_seconds_until_change_rounds_down():
    now = at(2020, 2, 5, 16, 59, 30, 500000)
    assert schedule.seconds_until_change(status(now), now) == 29
    before = at(2020, 2, 5, 8, 0)
    assert schedule.seconds_until_change(status(before), before) == 3600


def test_hours_in_words():
    assert schedule.hours_in_words(WED_THU, False, True) == "每周三、周四 9:00–17:00，法定节假日除外"
    weekdays = [Period(day, NINE, FIVE) for day in range(5)]
    assert schedule.hours_in_words(weekdays, False, False) == "每周一至周五 9:00–17:00"
    every_day = [Period(day, datetime.time(8), datetime.time(20)) for day in range(7)]
    assert schedule.hours_in_words(every_day, False, False) == "每天 8:00–20:00"
    split = [Period(0, NINE, datetime.time(12)), Period(0, datetime.time(13), FIVE), Period(5, NINE, FIVE)]
    assert schedule.hours_in_words(split, False, False) == "每周一 9:00–12:00、13:00–17:00；每周六 9:00–17:00"
    assert schedule.hours_in_words([Period(4, datetime.time(20), datetime.time(23, 59))], False, False) == (
        "每周五 20:00–24:00"
    )
    assert schedule.hours_in_words([], True, False) == "24小时"
    assert schedule.hours_in_words([], False, False) == "报道未公布服务时间"


# ---- property: nothing a status says changes before seconds_until_change() ---------------------

minutes = st.integers(0, 23 * 60 + 59).map(lambda m: datetime.time(m // 60, m % 60))
periods = st.lists(
    st.tuples(st.integers(0, 6), minutes, minutes).filter(lambda p: p[1] < p[2]).map(lambda p: Period(*p)),
    max_size=6,
)
moments = st.datetimes(
    min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2021, 12, 31)
).map(lambda d: d.replace(tzinfo=UTC))
# Holidays as days from `now`, so that they fall where they matter.
holiday_offsets = st.sets(st.integers(-2, 40), max_size=12)


@settings(max_examples=200, deadline=None)
@given(periods, st.booleans(), st.booleans(), holiday_offsets, moments, st.floats(0, 1, exclude_max=True))
def test_status_holds_until_the_change(hours, round_the_clock, closed_on_holidays, offsets, now, fraction):
    today = now.astimezone(SHANGHAI).date()
    holidays = {today + datetime.timedelta(days=offset) for offset in offsets}
    first = schedule.status_at(hours, round_the_clock, closed_on_holidays, holidays, now)
    seconds = schedule.seconds_until_change(first, now)
    if seconds is None:
        return
    later = now + datetime.timedelta(seconds=seconds * fraction)
    again = schedule.status_at(hours, round_the_clock, closed_on_holidays, holidays, later)
    assert (again.state, again.until, again.next_open, again.holiday) == (
        first.state,
        first.until,
        first.next_open,
        first.holiday,
    )
    assert schedule.describe(again, later) == schedule.describe(first, now) or _only_today_wording(
        first, now, later
    )
    # ... and something does change then: the state, or whether today is a holiday.
    changed = schedule.status_at(hours, round_the_clock, closed_on_holidays, holidays, first.changes_at)
    assert (changed.state, changed.holiday) != (first.state, first.holiday)


def _only_today_wording(status, now, later):
    """Wording may move from "周三 9:00" to "今天 9:00" after midnight: both stay true."""
    return now.astimezone(SHANGHAI).date() != later.astimezone(SHANGHAI).date()
