import datetime

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from reliefsite.pagination import paginate
from reliefsite.publishing import published_or_preview

from . import schedule
from .models import Holiday, Hotline

PER_PAGE = 20


def holidays_near(now):
    """The public holidays status_at() may need from `now` on: one query for a whole page."""
    today = timezone.localdate(now)
    return Holiday.dates_between(
        today - datetime.timedelta(days=1), today + datetime.timedelta(days=schedule.HORIZON_DAYS + 1)
    )


def attach_status(hotlines, now):
    """Give each hotline (hours prefetched) .open_status, .status_text and .hours_text."""
    hotlines = list(hotlines)
    holidays = holidays_near(now)
    for hotline in hotlines:
        hours = list(hotline.hours.all())
        hotline.open_status = schedule.status_at(
            hours,
            hotline.round_the_clock,
            hotline.closed_on_public_holidays,
            holidays,
            now,
            starts_on=hotline.starts_on,
        )
        hotline.status_text = schedule.describe(
            hotline.open_status, now, booking=hotline.mode == Hotline.Mode.BOOKING
        )
        hotline.hours_text = schedule.hours_in_words(
            hours, hotline.round_the_clock, hotline.closed_on_public_holidays
        )
    return hotlines


def cache_until_change(response, hotlines, now):
    """Let caches keep the page no longer than its first "open now" / "opens at" change."""
    max_age = settings.CACHE_MIDDLEWARE_SECONDS
    for hotline in hotlines:
        seconds = schedule.seconds_until_change(hotline.open_status, now)
        if seconds is not None:
            max_age = min(max_age, seconds)
    patch_cache_control(response, max_age=max_age)
    return response


def index(request):
    now = timezone.now()
    # Sources are cited on each line's own page, not in the list.
    hotlines = (
        Hotline.objects.published()
        .in_need_order()
        .select_related("provider")
        .prefetch_related("numbers", "channels", "hours")
    )
    page, page_message = paginate(request, hotlines, PER_PAGE)
    shown = attach_status(page.object_list, now)
    context = {"page": page, "page_message": page_message, "hotlines": shown}
    response = render(request, "hotlines/list.html", context)
    return cache_until_change(response, shown, now)


def detail(request, slug):
    now = timezone.now()
    hotline, preview = published_or_preview(Hotline.objects.for_listing(), request, slug=slug)
    attach_status([hotline], now)
    response = render(request, "hotlines/detail.html", {"hotline": hotline, "preview": preview})
    if preview:
        # A draft shown to staff must never be stored by a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
    return cache_until_change(response, [hotline], now)
