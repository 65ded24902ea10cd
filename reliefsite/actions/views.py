from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from reliefsite.organizations.models import District
from reliefsite.pagination import paginate
from reliefsite.publishing import published_or_preview

from .forms import ActionFilterForm
from .models import Action, Category

PER_PAGE = 20
ORGANIZATIONS_SHOWN = 30


def index(request):
    form = ActionFilterForm(request.GET)
    filters = form.filters()
    published = Action.objects.published()
    narrowing = dict(filters)
    if "q" in narrowing:
        # Run the search once and hand its ids to the count, the page and each facet, as one
        # parameter (bench/: a search matching 15,262 of 20,000 actions, 210 -> 105 ms).
        matching = published.search(narrowing.pop("q"))
        published = published.among(matching.order_by().values_list("pk", flat=True))
    actions = published.matching(**narrowing)

    # Each facet counts the actions matching every *other* active filter, so the numbers next to
    # a choice say how many results picking it would give.
    district_counts, category_counts = published.matching(
        **_without(narrowing, "district", "category")
    ).count_by_district_and_category(filters.get("district", ""), filters.get("category", ""))
    # The busiest organizations only; the directory lists them all. Over every published action
    # (no other filter), the counts are read from the other side, which is faster.
    if _without(filters, "organization"):
        others = published.matching(**_without(narrowing, "organization"))
        organization_counts = others.count_by_organization(limit=ORGANIZATIONS_SHOWN)
    else:
        organization_counts = Action.objects.count_published_by_organization(limit=ORGANIZATIONS_SHOWN)
    selected = filters.get("organization")
    if selected and selected.slug not in {slug for slug, _name, _n in organization_counts}:
        organization_counts.insert(0, (selected.slug, selected.name, 0))

    page, page_message = paginate(request, actions.for_listing(), PER_PAGE)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "page_message": page_message,
        "query_string": _query_string(filters),
        "districts": _facet(District.choices, district_counts, filters.get("district")),
        "categories": _facet(Category.choices, category_counts, filters.get("category")),
        "organizations": organization_counts,
        "organizations_shown": ORGANIZATIONS_SHOWN,
        "selected_organization": selected.slug if selected else "",
    }
    return render(request, "actions/list.html", context)


def _without(filters, *names):
    return {key: value for key, value in filters.items() if key not in names}


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
