from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from reliefsite.organizations.models import District
from reliefsite.publishing import published_or_preview

from .forms import ActionFilterForm
from .models import Action, Category

PER_PAGE = 20


def index(request):
    form = ActionFilterForm(request.GET)
    filters = form.filters()
    published = Action.objects.published()
    actions = published.matching(**filters)

    # Each facet counts the actions matching every *other* active filter, so the numbers next to
    # a choice say how many results picking it would give.
    def others(name):
        return published.matching(**{key: value for key, value in filters.items() if key != name})

    district_counts = others("district").count_by("district")
    category_counts = others("category").count_by("category")
    organization_counts = others("organization").count_by_organization()
    selected = filters.get("organization")
    if selected and selected.slug not in {slug for slug, _name, _n in organization_counts}:
        organization_counts.insert(0, (selected.slug, selected.name, 0))

    page, page_message = _page(request, actions)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "page_message": page_message,
        "query_string": _query_string(filters),
        "districts": _facet(District.choices, district_counts, filters.get("district")),
        "categories": _facet(Category.choices, category_counts, filters.get("category")),
        "organizations": organization_counts,
        "selected_organization": selected.slug if selected else "",
    }
    return render(request, "actions/list.html", context)


def _query_string(filters):
    """The valid filters as URL parameters, for the pagination links."""
    params = {
        key: value.slug if key == "organization" else value.isoformat() if key.startswith("date") else value
        for key, value in filters.items()
    }
    return urlencode(params)


def _facet(choices, counts, selected):
    """(value, label, count) for values with results, plus the selected one even when it has none."""
    return [
        (value, label, counts.get(value, 0))
        for value, label in choices
        if counts.get(value) or value == selected
    ]


def _page(request, queryset):
    """The requested page; a page number out of range or not a number falls back with a message."""
    paginator = Paginator(queryset.for_listing(), PER_PAGE)
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


def detail(request, slug):
    actions = Action.objects.prefetch_related("organizations", "recipients", "figures", "sources")
    action, preview = published_or_preview(actions, request, slug=slug)
    context = {
        "action": action,
        "preview": preview,
        "related": Action.objects.published().related_to(action),
    }
    response = render(request, "actions/detail.html", context)
    if preview:
        # A draft shown to staff must never be stored by a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
