"""Sources: the list shows how many published items cite each article; a source's own page shows them.

Both pages stay bounded however much cites a source: the list only counts (one query), and the detail
page paginates the actions and shows the latest few money items per campaign.
"""

from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.shortcuts import get_object_or_404, render

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.publishing import Status

from .models import Source

ACTIONS_PER_PAGE = 20
PER_CAMPAIGN = 5  # latest total reports, disbursements and group contributions shown per campaign
OTHERS_SHOWN = 50  # campaigns and hotlines: a newspaper article cites a handful, but stay bounded

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


def latest_per_campaign(items, newest_first, n=PER_CAMPAIGN):
    """The newest n items of each campaign, with `in_campaign`: how many the campaign has in all."""
    return (
        items.select_related("campaign")
        .annotate(
            rank=Window(RowNumber(), partition_by=F("campaign"), order_by=newest_first),
            in_campaign=Window(Count("pk"), partition_by=F("campaign")),
        )
        .filter(rank__lte=n)
        .order_by("-campaign__launched_at", "campaign_id", "rank")
    )


def index(request):
    sources = with_citation_counts(Source.objects.all())
    return render(request, "sources/list.html", {"sources": sources})


def detail(request, key):
    source = get_object_or_404(with_citation_counts(Source.objects.all()), key=key)
    published_campaign = {"campaign__status": PUBLISHED}
    actions = Action.objects.published().filter(sources=source).order_by("-start_date", "-pk")
    context = {
        "source": source,
        "actions": Paginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("page")),
        "campaigns": list(Campaign.objects.published().filter(sources=source)[:OTHERS_SHOWN]),
        "reports": latest_per_campaign(
            TotalReport.objects.published().filter(source=source, **published_campaign),
            F("as_of").desc(),
        ),
        "disbursements": latest_per_campaign(
            Disbursement.objects.published()
            .filter(source=source, **published_campaign)
            .select_related("recipient"),
            [F("date").desc(), F("pk").desc()],
        ),
        "contributions": latest_per_campaign(
            GroupContribution.objects.filter(source=source, **published_campaign),
            [F("as_of").desc(), F("pk").desc()],
        ),
        "hotlines": list(Hotline.objects.published().filter(sources=source)[:OTHERS_SHOWN]),
        "others_shown": OTHERS_SHOWN,
    }
    return render(request, "sources/detail.html", context)
