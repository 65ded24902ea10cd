from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404, render

from reliefsite.pagination import paginate
from reliefsite.publishing import Status
from reliefsite.quantities import LOWER_BOUNDS, Qualifier, format_quantity

from .models import Organization

ACTIONS_SHOWN = 20
PER_PAGE = 100
PUBLISHED_CAMPAIGN = Q(campaign__status=Status.PUBLISHED)


def index(request):
    """The directory, PER_PAGE organizations a page, grouped by kind or district within the page."""
    group_by = "district" if request.GET.get("by") == "district" else "kind"
    page, page_message = paginate(request, Organization.objects.for_directory(group_by), PER_PAGE)
    groups = Organization.objects.group_sizes(group_by)
    context = {
        "group_by": group_by,
        "page": page,
        "page_message": page_message,
        "query_string": "by=district" if group_by == "district" else "",
        "contents": _contents(groups),
        "sections": _sections(page, groups, "district" if group_by == "district" else "kind"),
    }
    return render(request, "organizations/list.html", context)


def _contents(groups):
    """Every group with the page it starts on, so a reader can jump to any kind or district."""
    contents, offset = [], 0
    for value, label, size in groups:
        contents.append({"value": value, "label": label, "size": size, "page": offset // PER_PAGE + 1})
        offset += size
    return contents


def _sections(page, groups, field):
    """The page's organizations split into their groups; a group begun on an earlier page is
    marked continued, and each heading gives the group's full size, not just this page's part."""
    starts, offset = {}, 0
    for value, label, size in groups:
        starts[value] = (offset, label, size)
        offset += size
    first = page.start_index() - 1
    sections = []
    for organization in page.object_list:
        value = getattr(organization, field)
        if value not in starts or starts[value][1] is None:
            value = ""  # outside the choices: the last group, as in for_directory()
        if not sections or sections[-1]["value"] != value:
            start, label, size = starts.get(value, (first, None, 0))
            sections.append(
                {
                    "value": value,
                    "label": label,
                    "size": size,
                    "continued": start < first,
                    "organizations": [],
                }
            )
        sections[-1]["organizations"].append(organization)
    return sections


def detail(request, slug):
    children = Prefetch("children", queryset=Organization.objects.with_action_count())
    organization = get_object_or_404(Organization.objects.with_parent().prefetch_related(children), slug=slug)
    # Reverse managers use each model's own QuerySet, so published() is the only way in.
    actions = organization.actions.published()
    received = organization.actions_received.published()
    disbursements = (
        organization.disbursements_received.published()
        .filter(PUBLISHED_CAMPAIGN)
        .select_related("campaign", "source")
    )
    context = {
        "organization": organization,
        "actions": actions.for_listing()[:ACTIONS_SHOWN],
        "action_count": actions.count(),
        "money_in_actions": actions.with_money(),
        "actions_received": received.prefetch_related("organizations", "figures"),
        "disbursements": disbursements,
        "disbursed_total": qualified_money_sum(disbursements),
        "campaigns": organization.campaigns.published().with_totals(),
        "contributions": organization.contributions.filter(PUBLISHED_CAMPAIGN).select_related(
            "campaign", "source"
        ),
    }
    return render(request, "organizations/detail.html", context)


def qualified_money_sum(queryset, value="amount", qualifier="amount_qualifier"):
    """A sum printed no more precisely than its parts: one "约" part makes it 约, one "余"/"多"/"不少于"
    part makes it 余; a "最高" (upper bound) part makes a sum meaningless, so there is none (None)."""
    totals = queryset.order_by().aggregate(
        total=Sum(value),
        about=Count("pk", filter=Q(**{qualifier: Qualifier.ABOUT})),
        more=Count("pk", filter=Q(**{f"{qualifier}__in": LOWER_BOUNDS})),
        upper=Count("pk", filter=Q(**{qualifier: Qualifier.UP_TO})),
    )
    if totals["total"] is None or totals["upper"]:
        return None
    if totals["about"]:
        return format_quantity(totals["total"], "元", Qualifier.ABOUT)
    return format_quantity(totals["total"], "元", Qualifier.YU if totals["more"] else Qualifier.EXACT)
