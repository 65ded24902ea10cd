from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.publishing import Status

from .models import Source


def _with_citing_items(sources):
    """Each source with the published items that cite it: a fixed number of queries for any count."""
    campaign_published = {"campaign__status": Status.PUBLISHED}
    return sources.prefetch_related(
        Prefetch("actions", queryset=Action.objects.published()),
        Prefetch("campaigns", queryset=Campaign.objects.published()),
        Prefetch(
            "total_reports",
            queryset=TotalReport.objects.published().filter(**campaign_published).select_related("campaign"),
        ),
        Prefetch(
            "disbursements",
            queryset=Disbursement.objects.published()
            .filter(**campaign_published)
            .select_related("campaign", "recipient"),
        ),
        Prefetch(
            "contributions",
            queryset=GroupContribution.objects.filter(**campaign_published).select_related("campaign"),
        ),
        Prefetch("hotlines", queryset=Hotline.objects.published()),
    )


def index(request):
    return render(request, "sources/list.html", {"sources": _with_citing_items(Source.objects.all())})


def detail(request, key):
    source = get_object_or_404(_with_citing_items(Source.objects.all()), key=key)
    return render(request, "sources/detail.html", {"source": source})
