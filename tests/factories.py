"""Small factories for tests: each builds one valid, published record with overridable fields."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from reliefsite.actions.models import Action, Figure
from reliefsite.campaigns.models import Campaign, Disbursement, TotalReport
from reliefsite.hotlines.models import Hotline, OpeningHours, PhoneNumber
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.sources.models import Source

_seq = itertools.count(1)


def make_organization(**fields):
    n = next(_seq)
    fields.setdefault("name", f"测试工会{n}")
    fields.setdefault("slug", f"test-union-{n}")
    fields.setdefault("kind", Organization.Kind.DISTRICT_FEDERATION)
    fields.setdefault("district", "dongcheng")
    return Organization.objects.create(**fields)


def make_source(**fields):
    n = next(_seq)
    fields.setdefault("key", f"test-source-{n}")
    fields.setdefault("publication", "劳动午报")
    fields.setdefault("published_on", datetime.date(2020, 2, 4))
    fields.setdefault("headline", f"测试报道{n}")
    fields.setdefault("reporters", "测试记者")
    fields.setdefault("seed_file", "test.txt")
    return Source.objects.create(**fields)


def make_action(organizations=None, sources=None, figures=(), **fields):
    n = next(_seq)
    fields.setdefault("title", f"测试行动{n}")
    fields.setdefault("slug", f"test-action-{n}")
    fields.setdefault("district", "dongcheng")
    fields.setdefault("category", "goods")
    fields.setdefault("start_date", datetime.date(2020, 2, 3))
    fields.setdefault("summary", "测试摘要。")
    fields.setdefault("status", Status.PUBLISHED)
    action = Action.objects.create(**fields)
    action.organizations.set(organizations or [make_organization()])
    action.sources.set(sources or [make_source()])
    for position, (value, unit, counts, qualifier) in enumerate(figures):
        Figure.objects.create(
            action=action,
            value=Decimal(value),
            unit=unit,
            counts=counts,
            qualifier=qualifier,
            position=position,
        )
    return action


def make_campaign(**fields):
    n = next(_seq)
    fields.setdefault("name", f"测试募捐{n}")
    fields.setdefault("slug", f"test-campaign-{n}")
    fields.setdefault("organizer", make_organization(kind=Organization.Kind.FOUNDATION))
    fields.setdefault("launched_at", timezone.make_aware(datetime.datetime(2020, 2, 1, 8, 0)))
    fields.setdefault("purpose", "测试目的。")
    fields.setdefault("registration_number", "531100005003093113A20001")
    fields.setdefault("status", Status.PUBLISHED)
    campaign = Campaign.objects.create(**fields)
    campaign.sources.set([make_source()])
    return campaign


def make_report(campaign, amount, as_of, donors=None, **fields):
    fields.setdefault("source", make_source())
    fields.setdefault("status", Status.PUBLISHED)
    return TotalReport.objects.create(
        campaign=campaign, amount=Decimal(amount), as_of=as_of, donors=donors, **fields
    )


def make_disbursement(campaign, amount, date, recipient=None, **fields):
    n = next(_seq)
    fields.setdefault("key", f"test-disbursement-{n}")
    fields.setdefault("source", make_source())
    fields.setdefault("status", Status.PUBLISHED)
    return Disbursement.objects.create(
        campaign=campaign, amount=Decimal(amount), date=date, recipient=recipient, **fields
    )


def make_hotline(numbers=("4000151123",), hours=(), **fields):
    """hours: (weekday, "09:00", "17:00") tuples."""
    n = next(_seq)
    fields.setdefault("name", f"测试热线{n}")
    fields.setdefault("slug", f"test-hotline-{n}")
    fields.setdefault("provider", make_organization())
    fields.setdefault("need", Hotline.Need.PSYCHOLOGICAL)
    fields.setdefault("offers", "测试服务。")
    fields.setdefault("eligibility", "全市职工")
    fields.setdefault("status", Status.PUBLISHED)
    hotline = Hotline.objects.create(**fields)
    hotline.sources.set([make_source()])
    for position, number in enumerate(numbers):
        PhoneNumber.objects.create(hotline=hotline, number=number, position=position)
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(
            hotline=hotline,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    return hotline
