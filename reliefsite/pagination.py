"""Pagination shared by the public lists (actions, organizations): bad ?page= never gives a 500."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(request, queryset, per_page):
    """(page, message): the requested page; a page number out of range or not a number falls back
    to the first or last page, with a message saying so."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page") or "1"
    try:
        return paginator.page(number), ""
    except PageNotAnInteger:
        return paginator.page(1), _("页码“%(page)s”无效，已显示第1页。") % {"page": number[:20]}
    except EmptyPage:
        # Below 1 goes to the first page, beyond the end to the last.
        shown = 1 if int(number) < 1 else paginator.num_pages
        return paginator.page(shown), _("没有第%(page)s页，已显示第%(shown)d页。") % {
            "page": number[:20],
            "shown": shown,
        }
