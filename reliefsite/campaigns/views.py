from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from reliefsite.pagination import paginate
from reliefsite.publishing import published_or_preview
from reliefsite.quantities import SumPrecision, format_day, format_sum

from .charts import MAX_POINTS, build_chart
from .figures import figures, listed_figures, with_figures
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


def index(request):
    campaigns = Campaign.objects.published().with_totals().with_ledger_facts()
    page, page_message = paginate(request, campaigns, PER_PAGE)
    context = {
        "page": page,
        "page_message": page_message,
        "campaigns": with_figures(page.object_list, listed_figures),
    }
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
    ledger = (
        Disbursement.objects.published()
        .filter(campaign=campaign)
        .only(*LEDGER_COLUMNS)
        .latest_in_ledger(LEDGER_SHOWN)
    )
    for row in ledger:
        row.running_display = format_sum(row.running_total, row.running_level)
    # The ledger's newest row already holds what with_ledger_facts() would ask again: the last
    # payment's date, and the precision of the running total over every payment.
    if ledger:
        campaign.figures = figures(campaign, ledger[-1].date, ledger[-1].running_level)
    else:
        campaign.figures = figures(campaign, None, SumPrecision.EXACT)
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
