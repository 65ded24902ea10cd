"""django-axes hooks: the client address behind a proxy, and the lockout page in the admin's style."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def client_ip(request):
    """The visitor's address. Behind PROXY_COUNT trusted proxies, each appends to X-Forwarded-For,
    so the address the first proxy saw is that many entries from the right; anything further left
    was written by the client and could be forged. Without proxies, REMOTE_ADDR."""
    count = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """Axes' lockout page, rendered with the admin's own context (header, site title)."""
    from axes.helpers import get_cool_off, get_failure_limit

    context = {
        **admin.site.each_context(request),
        "title": "登录已暂时锁定",
        "failure_limit": get_failure_limit(request, credentials),
    }
    cooloff = get_cool_off(request)
    if cooloff:
        context["cooloff_minutes"] = max(1, round(cooloff.total_seconds() / 60))
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
