"""The counts and selections behind the organization and source pages, as QuerySets: each a
fixed number of statements however much data there is (bench/RESULTS.md)."""

from django.db.models import Count, F, Max, Sum, Window
from django.db.models.functions import RowNumber

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.publishing import Status, count_per_row
from reliefsite.quantities import format_sum, sum_precision

# On a source's page: the latest total reports, disbursements and group contributions of each campaign,
# for the most recent campaigns.
PER_CAMPAIGN = 3
CAMPAIGNS_SHOWN = 10


def with_action_count(organizations):
    """Adds action_count: the published actions each organization took part in.

    Counted on the link table rather than COUNT(DISTINCT) over the organization x action join:
    computed for the listed rows only, and pairs there are unique (bench/RESULTS.md).
    """
    links = Action.organizations.through.objects.filter(action__status=Status.PUBLISHED)
    return organizations.annotate(action_count=count_per_row(links, "organization"))


def with_citation_counts(sources):
    """Each source with n_actions, n_campaigns, … n_hotlines: the published items of each kind (or
    their link rows) that cite it, one correlated count per kind, all in one query."""
    published = Status.PUBLISHED
    citing = {
        "actions": Action.sources.through.objects.filter(action__status=published),
        "campaigns": Campaign.sources.through.objects.filter(campaign__status=published),
        "reports": TotalReport.objects.published().filter(campaign__status=published),
        "disbursements": Disbursement.objects.published().filter(campaign__status=published),
        "contributions": GroupContribution.objects.filter(campaign__status=published),
        "hotlines": Hotline.sources.through.objects.filter(hotline__status=published),
    }
    return sources.annotate(**{f"n_{kind}": count_per_row(rows, "source") for kind, rows in citing.items()})


def latest_per_campaign(items, newest_first, n=PER_CAMPAIGN, campaigns=CAMPAIGNS_SHOWN):
    """The newest n items (by `newest_first`, a list of orderings) of each of the `campaigns` most
    recent campaigns, as (rows, more): `more` says other campaigns have such items too. Each row
    has `in_campaign`, how many its campaign has.

    Two queries: how many items each campaign has, most recent campaign first (one past the
    limit, to learn that there is more), then those campaigns' items. A window function numbers
    the items within each campaign only when one has more than n. One query with three windows
    (the counts and the campaigns' order too) took ~15 ms for a source cited by 354 totals; these
    two take ~9 (bench/).
    """
    campaign_order = [F("campaign__launched_at").desc(), F("campaign_id").asc()]
    counts = list(
        items.order_by(*campaign_order).values_list("campaign").annotate(n=Count("*"))[: campaigns + 1]
    )
    in_campaign = dict(counts[:campaigns])
    rows = items.select_related("campaign")
    if len(counts) > campaigns:
        # Not when every campaign is shown: then an empty `in_campaign` would skip the query, and
        # the page's statement count would depend on which kinds of item a source has.
        rows = rows.filter(campaign__in=in_campaign)
    if any(count > n for count in in_campaign.values()):
        numbered = Window(RowNumber(), partition_by=F("campaign"), order_by=newest_first)
        rows = rows.annotate(rank=numbered).filter(rank__lte=n)
    rows = list(rows.order_by(*campaign_order, *newest_first))
    for row in rows:
        row.in_campaign = in_campaign[row.campaign_id]
    return rows, len(counts) > campaigns


def qualified_money_sum(queryset, value="amount", qualifier="amount_qualifier"):
    """The sum of the amounts, printed no more precisely than its parts (quantities.format_sum)."""
    totals = queryset.order_by().aggregate(total=Sum(value), precision=Max(sum_precision(qualifier)))
    if totals["total"] is None:
        return None
    return format_sum(totals["total"], totals["precision"])
