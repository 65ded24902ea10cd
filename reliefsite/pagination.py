"""Pagination shared by every public list: a bad ?page= never gives a 500, and per-row counts are
computed for the page shown only."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(request, queryset, per_page, *, annotate=None):
    """(page, message): the requested page; a page number out of range or not a number falls back
    to the first or last page, with a message saying so.

    annotate: a function adding per-row subqueries (counts) to a QuerySet, applied to the page's
    rows only. On the paginated query itself, SQLite computes them for every row before sorting
    and cutting out the page (1,000 organizations: 14 -> 4 ms, bench/).
    """
    page, message = _page(Paginator(queryset, per_page), request.GET.get("page") or "1")
    if annotate is not None:
        # The same QuerySet, so the same order, narrowed to the page's primary keys.
        page.object_list = annotate(queryset.filter(pk__in=page.object_list.values("pk")))
    return page, message


def _page(paginator, number):
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


def first(queryset, n):
    """(rows, more): the first n rows and whether there are others, in one query of n + 1 rows;
    for the short lists on a detail page that link to the full one instead of paginating."""
    rows = list(queryset[: n + 1])
    return rows[:n], len(rows) > n
