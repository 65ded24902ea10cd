"""The counts and selections behind the organization and source pages, as QuerySets: each a
fixed number of statements however much data there is (bench/RESULTS.md)."""

from django.db.models import Count, F, IntegerField, Max, OuterRef, Subquery, Sum, Value, Window
from django.db.models.functions import Coalesce, DenseRank, RowNumber

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.publishing import Status
from reliefsite.quantities import format_sum, sum_precision

# On a source's page: the latest total reports, disbursements and group contributions of each campaign,
# for the most recent campaigns.
PER_CAMPAIGN = 3
CAMPAIGNS_SHOWN = 10


def with_action_count(organizations):
    """Adds action_count: the published actions each organization took part in.

    A subquery on the link table rather than COUNT(DISTINCT) over the organization x action
    join: it is computed for the listed rows only, and pairs there are unique (bench/RESULTS.md).
    """
    links = (
        Action.organizations.through.objects.filter(
            organization=OuterRef("pk"), action__status=Status.PUBLISHED
        )
        .order_by()
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return organizations.annotate(action_count=Coalesce(Subquery(links), 0))


PUBLISHED = Status.PUBLISHED


def _citing():
    """kind -> (published items of that kind, or their link rows to sources; the field naming the source)."""
    return {
        "actions": (Action.sources.through.objects.filter(action__status=PUBLISHED), "source"),
        "campaigns": (Campaign.sources.through.objects.filter(campaign__status=PUBLISHED), "source"),
        "reports": (TotalReport.objects.published().filter(campaign__status=PUBLISHED), "source"),
        "disbursements": (Disbursement.objects.published().filter(campaign__status=PUBLISHED), "source"),
        "contributions": (GroupContribution.objects.filter(campaign__status=PUBLISHED), "source"),
        "hotlines": (Hotline.sources.through.objects.filter(hotline__status=PUBLISHED), "source"),
    }


def with_citation_counts(sources):
    """Each source with n_actions, n_campaigns, … n_hotlines: one correlated count per kind, one query."""
    counts = {}
    for kind, (rows, field) in _citing().items():
        counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk"))
        counts[f"n_{kind}"] = Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))
    return sources.annotate(**counts)


def latest_per_campaign(items, newest_first, n=PER_CAMPAIGN, campaigns=CAMPAIGNS_SHOWN):
    """The newest n items of each of the `campaigns` most recent campaigns, as (rows, more): `more`
    says other campaigns have such items too. Each row has `in_campaign`, how many its campaign has.

    One query: the window functions number the items within each campaign and the campaigns among
    themselves, and one campaign past the limit is read only to learn that there is more.
    """
    campaign_order = [F("campaign__launched_at").desc(), F("campaign_id").asc()]
    rows = list(
        items.select_related("campaign")
        .annotate(
            rank=Window(RowNumber(), partition_by=F("campaign"), order_by=newest_first),
            in_campaign=Window(Count("pk"), partition_by=F("campaign")),
            campaign_rank=Window(DenseRank(), order_by=campaign_order),
        )
        .filter(rank__lte=n, campaign_rank__lte=campaigns + 1)
        .order_by(*campaign_order, "rank")
    )
    shown = [row for row in rows if row.campaign_rank <= campaigns]
    return shown, len(shown) < len(rows)


def qualified_money_sum(queryset, value="amount", qualifier="amount_qualifier"):
    """The sum of the amounts, printed no more precisely than its parts (quantities.format_sum)."""
    totals = queryset.order_by().aggregate(total=Sum(value), precision=Max(sum_precision(qualifier)))
    if totals["total"] is None:
        return None
    return format_sum(totals["total"], totals["precision"])
