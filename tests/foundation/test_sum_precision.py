"""One rule for how precise a sum of printed figures is, wherever the site adds money up: the
organization page's total, the campaign ledger's running total and disbursed sum, the home page."""

import datetime
import re
from decimal import Decimal

import pytest

from reliefsite.campaigns.models import Campaign
from reliefsite.quantities import Qualifier, SumPrecision, format_sum
from tests.factories import make_campaign, make_disbursement, make_organization

NO_SUM = "无法合计（其中有“最高”金额）"


@pytest.mark.parametrize(
    ("precision", "printed"),
    [
        (SumPrecision.EXACT, "600万元"),
        (None, "600万元"),  # nothing summed yet
        (SumPrecision.AT_LEAST, "600万余元"),
        (SumPrecision.ABOUT, "约600万元"),
        (SumPrecision.NO_SUM, NO_SUM),
    ],
)
def test_a_sum_is_printed_no_more_precisely_than_its_parts(precision, printed):
    assert format_sum(Decimal("6000000"), precision) == printed


def paid(campaign, recipient, *qualifiers):
    for day, qualifier in enumerate(qualifiers, start=5):
        make_disbursement(
            campaign, "1000000", datetime.date(2020, 2, day), recipient=recipient, amount_qualifier=qualifier
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("qualifiers", "precision", "printed"),
    [
        ((Qualifier.EXACT, Qualifier.EXACT), SumPrecision.EXACT, "200万元"),
        ((Qualifier.EXACT, Qualifier.YU), SumPrecision.AT_LEAST, "200万余元"),
        ((Qualifier.DUO, Qualifier.AT_LEAST), SumPrecision.AT_LEAST, "200万余元"),
        ((Qualifier.YU, Qualifier.ABOUT), SumPrecision.ABOUT, "约200万元"),
        ((Qualifier.ABOUT, Qualifier.UP_TO), SumPrecision.NO_SUM, NO_SUM),
    ],
)
def test_the_same_rule_on_the_campaign_and_organization_pages(client, qualifiers, precision, printed):
    campaign = make_campaign(slug="ledger")
    union = make_organization(slug="recipient-union")
    paid(campaign, union, *qualifiers)

    facts = Campaign.objects.with_ledger_facts().get(pk=campaign.pk)
    assert facts.disbursed_level == precision
    last = list(campaign.disbursements.ledger())[-1]
    assert last.running_level == precision

    campaign_page = client.get("/campaigns/ledger/").content.decode()
    # The summary's disbursed figure (from the ledger's newest row) and the running total agree.
    assert f"<dd><strong>{printed}</strong><br>" in campaign_page
    assert "截至2020年2月6日已公布的拨付合计" in campaign_page
    assert re.findall(r'<td class="running">([^<]*)</td>', campaign_page)[-1] == printed
    organization_page = client.get("/organizations/recipient-union/").content.decode()
    assert f"<strong>{printed}</strong>" in organization_page  # the table's 合计 row
