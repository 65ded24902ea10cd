from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from reliefsite.actions.models import Action
from reliefsite.campaigns.figures import raised_figures, with_figures
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.hotlines.views import attach_status, cache_until_change
from reliefsite.quantities import format_day, format_sum

HOME_HOTLINES = 6
HOME_CAMPAIGNS = 3
HOME_ACTIONS = 5


def home(request):
    """At a glance: hotlines first, then totals and the latest actions, in a fixed number of queries."""
    now = timezone.now()
    hotlines = attach_status(
        Hotline.objects.published()
        .in_need_order()
        .select_related("provider")
        .prefetch_related("numbers", "hours")[:HOME_HOTLINES],
        now,
    )
    # Compact cards: the latest total only, no disbursements or balance.
    campaigns = with_figures(
        Campaign.objects.published().with_latest_total()[:HOME_CAMPAIGNS], raised_figures
    )
    actions = list(Action.objects.published().for_listing()[:HOME_ACTIONS])
    money = Campaign.objects.published().overview()  # the sums and what they include
    context = {
        "hotlines": hotlines,
        "campaigns": campaigns,
        "actions": actions,
        "action_totals": Action.objects.published().totals(),
        "money": {
            **money,
            "raised_display": format_sum(money["raised"], money["raised_level"]),
            "disbursed_display": format_sum(money["disbursed"], money["disbursed_level"]),
            "raised_through": format_day(money["raised_as_of"]),
            "disbursed_through": format_day(money["disbursed_through"]),
        },
    }
    response = render(request, "core/home.html", context)
    return cache_until_change(response, hotlines, now)


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not: for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
