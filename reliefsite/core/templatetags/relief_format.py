"""Template filters that print dates and figures the way the sources did (2020年2月6日, 4.4万余人)."""

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from reliefsite.quantities import format_as_of, format_date, format_day, format_quantity

register = template.Library()


@register.filter
def cn_date(value):
    """2020-02-06 -> "2020年2月6日"; aware datetimes are shown in the site's time zone."""
    return format_day(value)


@register.filter
def action_when(action):
    """An action's date as reported: "2020年2月4日前" (happened by then) or a range "2020年2月1日至2月3日"."""
    if action.end_date and action.end_date != action.start_date:
        start, end = format_day(action.start_date), action.end_date
        if end.year == action.start_date.year:
            return f"{start}至{end.month}月{end.day}日"
        return f"{start}至{format_day(end)}"
    return format_date(action.start_date, action.date_qualifier)


@register.simple_tag
def quantity(value, unit="", qualifier="exact"):
    """{% quantity total "元" "yu" %} -> "600万余元"."""
    return format_quantity(value, unit, qualifier)


@register.simple_tag
def as_of(moment, precision):
    """{% as_of campaign.latest_as_of campaign.latest_as_of_precision %} -> "2020年2月6日下午"."""
    if not moment:
        return ""
    return format_as_of(moment, precision)


@register.simple_tag
def zh_lang():
    """` lang="zh-Hans"` on content elements when the interface is not Chinese (WCAG 3.1.2):
    content stays Chinese in every interface language, and screen readers should read it so."""
    language = translation.get_language() or ""
    return "" if language.startswith("zh") else mark_safe(' lang="zh-Hans"')
