from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from reliefsite.pagination import paginate
from reliefsite.publishing import published_or_preview
from reliefsite.quantities import (
    LOWER_BOUNDS,
    Qualifier,
    SumPrecision,
    format_as_of,
    format_day,
    format_quantity,
    format_sum,
)

from .charts import MAX_POINTS, build_chart
from .models import Campaign, Disbursement, GroupContribution, TotalReport

PER_PAGE = 20
REPORTS_SHOWN = 20  # the detail page's table; the full list is paginated on its own page
REPORTS_PER_PAGE = 100
LEDGER_SHOWN = 200
CONTRIBUTIONS_SHOWN = 100
# The window functions sort every row of the ledger: the fewer columns, the faster.
LEDGER_COLUMNS = (
    "date",
    "date_qualifier",
    "recipient_note",
    "amount",
    "amount_qualifier",
    "purpose",
    "recipient__name",
    "recipient__slug",
    "source__key",
    "source__headline",
)


def balance_qualifier(amount_qualifier, disbursed_level):
    """Raised minus disbursed: "at least" when the total was a lower bound and the payments exact."""
    if disbursed_level:
        return Qualifier.ABOUT
    if amount_qualifier in LOWER_BOUNDS:
        return Qualifier.AT_LEAST
    return amount_qualifier or Qualifier.EXACT


def raised_figures(campaign):
    """The latest total as printed, from with_latest_total()'s annotations ("" before the first):
    all a compact card shows."""
    if campaign.latest_amount is None:
        return {"raised": "", "donors": "", "as_of": ""}
    return {
        "raised": format_quantity(campaign.latest_amount, "元", campaign.latest_amount_qualifier),
        "donors": (
            format_quantity(campaign.latest_donors, "名", campaign.latest_donors_qualifier)
            if campaign.latest_donors is not None
            else ""
        ),
        "as_of": format_as_of(campaign.latest_as_of, campaign.latest_as_of_precision),
    }


def figures(campaign):
    """raised_figures() and the money disbursed and left, of a campaign annotated by with_totals() and
    with_ledger_facts() (or given the same disbursed_through and disbursed_level from its ledger,
    as the detail page is)."""
    if campaign.latest_amount is None:
        balance = ""
    elif campaign.disbursed_level == SumPrecision.NO_SUM:
        balance = format_sum(None, SumPrecision.NO_SUM)  # raised minus a sum that means nothing
    else:
        balance = format_quantity(
            campaign.balance,
            "元",
            balance_qualifier(campaign.latest_amount_qualifier, campaign.disbursed_level),
        )
    return {
        **raised_figures(campaign),
        "disbursed": format_sum(campaign.disbursed, campaign.disbursed_level),
        "disbursed_through": format_day(campaign.disbursed_through),
        "balance": balance,
    }


def with_figures(campaigns, printed=figures):
    """The campaigns as a list, each with .figures: printed(campaign)."""
    campaigns = list(campaigns)
    for campaign in campaigns:
        campaign.figures = printed(campaign)
    return campaigns


def index(request):
    campaigns = Campaign.objects.published().with_totals().with_ledger_facts()
    page, page_message = paginate(request, campaigns, PER_PAGE)
    context = {"page": page, "page_message": page_message, "campaigns": with_figures(page.object_list)}
    return render(request, "campaigns/list.html", context)


def _private(response):
    # A draft shown to staff must never be stored by a shared cache.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def detail(request, slug):
    queryset = Campaign.objects.with_totals().prefetch_related("sources")
    campaign, preview = published_or_preview(queryset, request, slug=slug)
    reports = TotalReport.objects.published().filter(campaign=campaign)
    rows, report_count = reports.chart_rows(MAX_POINTS)
    ledger = Disbursement.objects.published().filter(campaign=campaign).only(*LEDGER_COLUMNS)
    ledger = ledger.latest_in_ledger(LEDGER_SHOWN)
    for row in ledger:
        row.running_display = format_sum(row.running_total, row.running_level)
    # The ledger's newest row already holds what with_ledger_facts() would ask again: the last
    # payment's date, and the precision of the running total over every payment.
    newest = ledger[-1] if ledger else None
    campaign.disbursed_through = newest.date if newest else None
    campaign.disbursed_level = newest.running_level if newest else SumPrecision.EXACT
    campaign.figures = figures(campaign)
    context = {
        "campaign": campaign,
        "preview": preview,
        "chart": build_chart(rows, format_day, total=report_count),
        "reports": reports.select_related("source").order_by("-as_of")[:REPORTS_SHOWN],
        "report_count": report_count,
        "reports_shown": min(report_count, REPORTS_SHOWN),
        "contributions": GroupContribution.objects.filter(campaign=campaign)
        .select_related("group", "source")
        .order_by("label", "as_of")[:CONTRIBUTIONS_SHOWN],
        "ledger": ledger,
        "ledger_count": ledger[0].rows if ledger else 0,
    }
    response = render(request, "campaigns/detail.html", context)
    return _private(response) if preview else response


def reports(request, slug):
    """Every published total report of a campaign, newest first, paginated."""
    # The page names the campaign and links back; its totals are on the detail page.
    campaign, preview = published_or_preview(Campaign.objects.all(), request, slug=slug)
    reports = TotalReport.objects.published().filter(campaign=campaign).select_related("source")
    page, page_message = paginate(request, reports.order_by("-as_of"), REPORTS_PER_PAGE)
    context = {"campaign": campaign, "page": page, "page_message": page_message}
    response = render(request, "campaigns/reports.html", context)
    return _private(response) if preview else response
