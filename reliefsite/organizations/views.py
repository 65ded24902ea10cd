from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404, render

from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier, format_quantity

from .models import Organization

ACTIONS_SHOWN = 20
PUBLISHED_CAMPAIGN = Q(campaign__status=Status.PUBLISHED)


def index(request):
    group_by = "district" if request.GET.get("by") == "district" else "kind"
    context = {
        "group_by": group_by,
        "organizations": Organization.objects.for_directory(group_by),
    }
    return render(request, "organizations/list.html", context)


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
    inexact = [Qualifier.YU, Qualifier.DUO, Qualifier.AT_LEAST]
    totals = queryset.order_by().aggregate(
        total=Sum(value),
        about=Count("pk", filter=Q(**{qualifier: Qualifier.ABOUT})),
        more=Count("pk", filter=Q(**{f"{qualifier}__in": inexact})),
        upper=Count("pk", filter=Q(**{qualifier: Qualifier.UP_TO})),
    )
    if totals["total"] is None or totals["upper"]:
        return None
    if totals["about"]:
        return format_quantity(totals["total"], "元", Qualifier.ABOUT)
    return format_quantity(totals["total"], "元", Qualifier.YU if totals["more"] else Qualifier.EXACT)
