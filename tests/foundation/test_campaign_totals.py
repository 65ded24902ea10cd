import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from reliefsite.campaigns.models import Campaign
from reliefsite.publishing import Status
from tests.factories import make_campaign, make_disbursement, make_report

pytestmark = pytest.mark.django_db


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime(2020, 2, day, hour))


def test_latest_total_disbursed_and_balance_come_from_published_rows():
    campaign = make_campaign()
    make_report(campaign, "6957400", at(3, 17), donors=44000)
    make_report(campaign, "16980000", at(6, 15), donors=96596)
    make_report(campaign, "20000000", at(7), donors=100000, status=Status.DRAFT)  # not yet public
    make_disbursement(campaign, "3000000", datetime.date(2020, 2, 5))
    make_disbursement(campaign, "3000000", datetime.date(2020, 2, 6))
    make_disbursement(campaign, "1000000", datetime.date(2020, 2, 7), status=Status.DRAFT)

    totals = Campaign.objects.published().with_totals().get(pk=campaign.pk)

    assert totals.latest_amount == Decimal("16980000")
    assert totals.latest_donors == 96596
    assert totals.latest_as_of == at(6, 15)
    assert totals.disbursed == Decimal("6000000")
    assert totals.balance == Decimal("10980000")


def test_campaign_without_reports_or_disbursements_totals_zero():
    campaign = make_campaign()
    totals = Campaign.objects.with_totals().get(pk=campaign.pk)
    assert totals.latest_amount is None
    assert totals.disbursed == Decimal("0")
    assert totals.balance == Decimal("0")


def test_overview_sums_each_campaigns_latest_total_once():
    first, second = make_campaign(), make_campaign()
    make_report(first, "100", at(3))
    make_report(first, "250", at(4))
    make_report(second, "1000", at(4))
    make_disbursement(first, "50", datetime.date(2020, 2, 5))
    make_campaign(status=Status.DRAFT)

    overview = Campaign.objects.published().overview()
    assert {"raised": overview["raised"], "disbursed": overview["disbursed"]} == {
        "raised": Decimal("1250"),
        "disbursed": Decimal("50"),
    }
