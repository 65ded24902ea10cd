"""The campaign records' admin lists group rows by campaign, newest campaign first, although the
models themselves order by campaign id."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reliefsite.campaigns.models import GroupContribution
from tests.factories import make_campaign, make_disbursement, make_organization, make_report


@pytest.fixture
def older_then_newer(db):
    """The older campaign is created first (the lower id), so id order would list it first."""
    campaigns = []
    for day, name in ((1, "较早的募捐"), (10, "较新的募捐")):
        launched = timezone.make_aware(datetime.datetime(2020, 2, day, 8, 0))
        campaign = make_campaign(name=name, launched_at=launched)
        report = make_report(campaign, "1000", launched + datetime.timedelta(days=1))
        make_disbursement(campaign, "100", launched.date() + datetime.timedelta(days=2))
        GroupContribution.objects.create(
            campaign=campaign,
            group=make_organization(),
            label=f"{name}的群体",
            as_of=report.as_of,
            amount=500,
            source=report.source,
        )
        campaigns.append(campaign)
    return campaigns


@pytest.mark.parametrize("model_name", ["totalreport", "groupcontribution", "disbursement"])
def test_changelist_lists_the_newest_campaign_first(as_superuser, older_then_newer, model_name):
    page = as_superuser.get(reverse(f"admin:campaigns_{model_name}_changelist")).content.decode()
    older, newer = (page.index(f">{campaign.name}<") for campaign in older_then_newer)
    assert newer < older
