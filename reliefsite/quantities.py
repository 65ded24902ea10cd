"""Figures as the sources printed them: a full value plus how precise it was.

"4.4万多名" is stored as value 44000, qualifier DUO, unit "名" and printed back the same way.
Shared by actions and campaigns; depends on nothing in the project.
"""

import datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TEN_THOUSAND = Decimal("10000")
HUNDRED_MILLION = Decimal("100000000")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("准确数")
    YU = "yu", "余"
    DUO = "duo", "多"
    ABOUT = "about", "约"
    AT_LEAST = "at_least", "不少于"
    UP_TO = "up_to", "最高"


# Qualifiers that make a figure a lower bound: the true amount is at least the number printed.
LOWER_BOUNDS = (Qualifier.YU, Qualifier.DUO, Qualifier.AT_LEAST)

# Qualifiers printed before the number; the others follow it ("4.4万余人", "200多个").
PREFIXES = {Qualifier.ABOUT: "约", Qualifier.AT_LEAST: "不少于", Qualifier.UP_TO: "最高"}
SUFFIXES = {Qualifier.YU: "余", Qualifier.DUO: "多"}


def plain(number):
    """A Decimal without exponent or trailing zeros: 695.7400 -> "695.74", 1698 -> "1698"."""
    number = Decimal(number)
    text = format(number.normalize(), "f")
    return text


def is_money(unit):
    return unit.startswith("元")


def format_quantity(value, unit="", qualifier=Qualifier.EXACT):
    """Print a figure the Chinese way, never more precisely than it was given.

    Money of 10,000 yuan or more is printed in 万 (6957400 -> "695.74万元"); other counts only when
    they are round thousands (44000 -> "4.4万", but 96596 stays "96596").
    """
    if value is None:
        return ""
    value = Decimal(value)
    magnitude = ""
    if abs(value) >= HUNDRED_MILLION and (is_money(unit) or value % 10_000_000 == 0):
        value, magnitude = value / HUNDRED_MILLION, "亿"
    elif abs(value) >= TEN_THOUSAND and (is_money(unit) or value % 1000 == 0):
        value, magnitude = value / TEN_THOUSAND, "万"
    return f"{PREFIXES.get(qualifier, '')}{plain(value)}{magnitude}{SUFFIXES.get(qualifier, '')}{unit}"


class SumPrecision(models.IntegerChoices):
    """How precise a sum of printed figures is: the least precise part decides (Max() of the levels)."""

    EXACT = 0
    AT_LEAST = 1  # a part is a lower bound (余/多/不少于), so the sum is one too: printed with 余
    ABOUT = 2  # a part is approximate (约): printed with 约
    NO_SUM = 3  # a part is an upper bound (最高): a cap, not an amount, so adding it up means nothing


def sum_precision(qualifier_field):
    """The SumPrecision of one row's figure, as a database expression to aggregate with Max()."""
    return models.Case(
        models.When(**{qualifier_field: Qualifier.EXACT}, then=models.Value(SumPrecision.EXACT)),
        models.When(**{f"{qualifier_field}__in": LOWER_BOUNDS}, then=models.Value(SumPrecision.AT_LEAST)),
        models.When(**{qualifier_field: Qualifier.UP_TO}, then=models.Value(SumPrecision.NO_SUM)),
        default=models.Value(SumPrecision.ABOUT),
    )


SUM_QUALIFIERS = {
    SumPrecision.EXACT: Qualifier.EXACT,
    SumPrecision.AT_LEAST: Qualifier.YU,
    SumPrecision.ABOUT: Qualifier.ABOUT,
}


def format_sum(total, precision, unit="元"):
    """A sum printed no more precisely than its parts; none at all when a part was a cap (最高)."""
    if precision == SumPrecision.NO_SUM:
        return gettext("无法合计（其中有“最高”金额）")
    return format_quantity(total, unit, SUM_QUALIFIERS[precision or SumPrecision.EXACT])


class AsOfPrecision(models.TextChoices):
    MINUTE = "minute", _("精确到分钟")
    MORNING = "morning", _("上午")
    AFTERNOON = "afternoon", _("下午")
    DAY = "day", _("精确到日")


class DateQualifier(models.TextChoices):
    EXACT = "exact", _("当日")
    ON_OR_BEFORE = "on_or_before", _("不晚于该日")


def format_day(value):
    """2020-02-06 -> "2020年2月6日"; an aware datetime is shown in the site's time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.year}年{value.month}月{value.day}日"


def format_date(day, qualifier=DateQualifier.EXACT):
    """A reported date: "2020年2月4日", or "2020年2月4日前" when it happened by then ("近日")."""
    printed = format_day(day)
    return f"{printed}前" if qualifier == DateQualifier.ON_OR_BEFORE else printed


def format_as_of(moment, precision):
    """ "2020年2月3日17:00", "2020年2月6日下午" or "2020年2月3日": as precise as the source was."""
    local = timezone.localtime(moment)
    day = format_day(local)
    if precision == AsOfPrecision.MINUTE:
        return f"{day}{local:%H:%M}"
    if precision == AsOfPrecision.MORNING:
        return f"{day}上午"
    if precision == AsOfPrecision.AFTERNOON:
        return f"{day}下午"
    return day
