"""A record's own rows (figures, phone numbers, totals...) are ordered by the parent's id, not by
the relation: ordering by the relation joins the parent to sort by the parent's ordering, in every
prefetch behind a list page."""

import pytest

from reliefsite.actions.models import Figure
from reliefsite.campaigns.models import Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Channel, OpeningHours, PhoneNumber

CHILDREN = [
    (Figure, "actions_action"),
    (TotalReport, "campaigns_campaign"),
    (GroupContribution, "campaigns_campaign"),
    (Disbursement, "campaigns_campaign"),
    (PhoneNumber, "hotlines_hotline"),
    (Channel, "hotlines_hotline"),
    (OpeningHours, "hotlines_hotline"),
]


@pytest.mark.parametrize("model, parent", CHILDREN, ids=lambda value: getattr(value, "__name__", value))
def test_default_order_does_not_join_the_parent(model, parent):
    sql = str(model.objects.filter(pk__in=[1, 2]).query)
    assert "ORDER BY" in sql
    assert f'JOIN "{parent}"' not in sql
