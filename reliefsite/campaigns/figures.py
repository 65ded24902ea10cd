"""A campaign's figures as printed, from CampaignQuerySet annotations: what its cards, its page and
its JSON-LD show."""

from reliefsite.quantities import (
    LOWER_BOUNDS,
    Qualifier,
    SumPrecision,
    format_as_of,
    format_day,
    format_quantity,
    format_sum,
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


def figures(campaign, disbursed_through, disbursed_level):
    """raised_figures() and the money disbursed and left, of a campaign annotated by with_totals().

    disbursed_through, disbursed_level: the date its published disbursements run to and how precise
    their sum is (a SumPrecision), from with_ledger_facts() or from the ledger's newest row."""
    if campaign.latest_amount is None:
        balance = ""
    elif disbursed_level == SumPrecision.NO_SUM:
        balance = format_sum(None, SumPrecision.NO_SUM)  # raised minus a sum that means nothing
    else:
        balance = format_quantity(
            campaign.balance,
            "元",
            balance_qualifier(campaign.latest_amount_qualifier, disbursed_level),
        )
    return {
        **raised_figures(campaign),
        "disbursed": format_sum(campaign.disbursed, disbursed_level),
        "disbursed_through": format_day(disbursed_through),
        "balance": balance,
    }


def listed_figures(campaign):
    """figures() of a campaign annotated by with_totals() and with_ledger_facts(), as listed."""
    return figures(campaign, campaign.disbursed_through, campaign.disbursed_level)


def with_figures(campaigns, printed):
    """The campaigns as a list, each with .figures: printed(campaign)."""
    campaigns = list(campaigns)
    for campaign in campaigns:
        campaign.figures = printed(campaign)
    return campaigns
