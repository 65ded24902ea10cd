"""Fill a fresh, migrated database with a large synthetic data set, fast (bulk_create, no signals).

    DATABASE_URL=sqlite:///bench/out/large.sqlite3 python bench/generate.py --scale 1

At --scale 1: 20,000 actions, 1,000 organizations, 50 campaigns with 2,000 total reports each,
500 hotlines (and sources, figures, disbursements, contributions, phone numbers, hours to match).
Deterministic (fixed random seed), so two runs produce the same site.
"""

import argparse
import datetime
import os
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reliefsite.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from reliefsite.actions.models import Action, Category, Figure  # noqa: E402
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport  # noqa: E402
from reliefsite.core.planner import analyze  # noqa: E402
from reliefsite.hotlines.models import Channel, Hotline, OpeningHours, PhoneNumber  # noqa: E402
from reliefsite.organizations.models import District, Organization  # noqa: E402
from reliefsite.publishing import Status  # noqa: E402
from reliefsite.sources.models import Source  # noqa: E402

BATCH = 2000
DISTRICTS = [code for code, _label in District.choices]
CATEGORIES = [code for code, _label in Category.choices]
KINDS = [code for code, _label in Organization.Kind.choices]
WORDS = "慰问 防控 一线 职工 社区 物资 口罩 消毒液 暖心 志愿者 环卫 医护 捐款 保障 心理 法律 援助 帮扶 困难 复工".split()
UNITS = [("元", "慰问金"), ("份", "慰问品"), ("个", "暖手宝"), ("名", "职工"), ("箱", "方便面")]
START = datetime.date(2020, 1, 20)


def phrase(rng, n):
    return "".join(rng.choice(WORDS) for _ in range(n))


def status(rng):
    return Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT


def aware(day, hour=9, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def generate(scale):
    rng = random.Random(20200205)
    n_orgs, n_actions = int(1000 * scale), int(20000 * scale)
    n_campaigns, n_reports = max(1, int(50 * scale)), max(10, int(2000 * scale))
    n_hotlines, n_sources = int(500 * scale), max(10, int(300 * scale))

    orgs = Organization.objects.bulk_create(
        [
            Organization(
                name=f"{rng.choice(DISTRICTS)}第{i}基层工会{phrase(rng, 1)}",
                slug=f"org-{i}",
                kind=rng.choice(KINDS),
                district=rng.choice(DISTRICTS),
                description=phrase(rng, 12),
            )
            for i in range(n_orgs)
        ],
        batch_size=BATCH,
    )
    sources = Source.objects.bulk_create(
        [
            Source(
                key=f"source-{i}",
                publication="劳动午报",
                published_on=START + datetime.timedelta(days=i % 100),
                headline=f"{phrase(rng, 4)}报道{i}",
                reporters="记者",
                seed_file="bench.txt",
            )
            for i in range(n_sources)
        ],
        batch_size=BATCH,
    )

    actions = Action.objects.bulk_create(
        [
            Action(
                title=f"{phrase(rng, 3)}行动{i}",
                slug=f"action-{i}",
                district=rng.choice(DISTRICTS),
                category=rng.choice(CATEGORIES),
                start_date=START + datetime.timedelta(days=rng.randrange(100)),
                summary=phrase(rng, 25) + "。",
                beneficiaries=phrase(rng, 3),
                status=status(rng),
            )
            for i in range(n_actions)
        ],
        batch_size=BATCH,
    )
    links = Action.organizations.through
    links.objects.bulk_create(
        [
            links(action_id=action.pk, organization_id=org.pk)
            for action in actions
            for org in rng.sample(orgs, rng.randint(1, 3))
        ],
        batch_size=BATCH,
    )
    recipients = Action.recipients.through
    recipients.objects.bulk_create(
        [
            recipients(action_id=action.pk, organization_id=rng.choice(orgs).pk)
            for action in actions
            if rng.random() < 0.2
        ],
        batch_size=BATCH,
    )
    cited = Action.sources.through
    cited.objects.bulk_create(
        [cited(action_id=action.pk, source_id=rng.choice(sources).pk) for action in actions],
        batch_size=BATCH,
    )
    Figure.objects.bulk_create(
        [
            Figure(
                action=action,
                value=Decimal(rng.randint(1, 500000)),
                unit=unit,
                counts=counts,
                position=position,
            )
            for action in actions
            for position, (unit, counts) in enumerate(rng.sample(UNITS, rng.randint(0, 2)))
        ],
        batch_size=BATCH,
    )

    campaigns = Campaign.objects.bulk_create(
        [
            Campaign(
                name=f"{phrase(rng, 2)}募捐{i}",
                slug=f"campaign-{i}",
                organizer=rng.choice(orgs),
                launched_at=aware(START + datetime.timedelta(days=i % 10)),
                purpose=phrase(rng, 20),
                registration_number=f"5311000050030931{i:04d}",
                status=Status.PUBLISHED,
            )
            for i in range(n_campaigns)
        ]
    )
    for campaign in campaigns:
        campaign.sources.set([rng.choice(sources)])
    reports = []
    for campaign in campaigns:
        amount = 0
        for i in range(n_reports):
            amount += rng.randint(1000, 50000)
            reports.append(
                TotalReport(
                    campaign=campaign,
                    as_of=campaign.launched_at + datetime.timedelta(minutes=30 * i),
                    amount=Decimal(amount),
                    donors=amount // 150,
                    source=rng.choice(sources),
                    status=Status.PUBLISHED,
                )
            )
        campaign.raised = amount
    TotalReport.objects.bulk_create(reports, batch_size=BATCH)
    Disbursement.objects.bulk_create(
        [
            Disbursement(
                key=f"disbursement-{campaign.pk}-{i}",
                campaign=campaign,
                date=START + datetime.timedelta(days=5 + i),
                recipient=rng.choice(orgs),
                amount=Decimal(campaign.raised // 40),
                purpose=phrase(rng, 3),
                source=rng.choice(sources),
                status=Status.PUBLISHED,
            )
            for campaign in campaigns
            for i in range(20)
        ],
        batch_size=BATCH,
    )
    GroupContribution.objects.bulk_create(
        [
            GroupContribution(
                campaign=campaign,
                group=rng.choice(orgs),
                label=f"{phrase(rng, 1)}系统",
                as_of=campaign.launched_at + datetime.timedelta(days=3),
                staff_count=rng.randint(100, 9000),
                gifts_count=rng.randint(100, 9000),
                amount=Decimal(rng.randint(10000, 900000)),
                source=rng.choice(sources),
            )
            for campaign in campaigns
            for _ in range(5)
        ]
    )

    needs = [code for code, _label in Hotline.Need.choices]
    hotlines = Hotline.objects.bulk_create(
        [
            Hotline(
                name=f"{phrase(rng, 2)}热线{i}",
                slug=f"hotline-{i}",
                provider=rng.choice(orgs),
                need=rng.choice(needs),
                offers=phrase(rng, 10),
                eligibility="全市职工",
                round_the_clock=rng.random() < 0.2,
                status=status(rng),
            )
            for i in range(n_hotlines)
        ],
        batch_size=BATCH,
    )
    PhoneNumber.objects.bulk_create(
        [
            PhoneNumber(hotline=hotline, number=f"400{i:07d}", position=0)
            for i, hotline in enumerate(hotlines)
        ],
        batch_size=BATCH,
    )
    OpeningHours.objects.bulk_create(
        [
            OpeningHours(hotline=hotline, weekday=day, opens=datetime.time(9), closes=datetime.time(17))
            for hotline in hotlines
            if not hotline.round_the_clock
            for day in range(5)
        ],
        batch_size=BATCH,
    )
    Channel.objects.bulk_create(
        [
            Channel(hotline=hotline, kind="wechat", name="公众号", instructions=phrase(rng, 6))
            for hotline in hotlines
        ],
        batch_size=BATCH,
    )
    hotline_sources = Hotline.sources.through
    hotline_sources.objects.bulk_create(
        [hotline_sources(hotline_id=hotline.pk, source_id=rng.choice(sources).pk) for hotline in hotlines]
    )
    return {
        "organizations": n_orgs,
        "actions": n_actions,
        "campaigns": n_campaigns,
        "reports": n_campaigns * n_reports,
        "hotlines": n_hotlines,
        "sources": n_sources,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the full size, 0.1 = a tenth")
    args = parser.parse_args()
    if Organization.objects.exists():
        sys.exit("The database already has data: generate into a fresh, migrated database.")
    with transaction.atomic():
        counts = generate(args.scale)
    # As load_seeds and restore_data do after a bulk load: statistics for the query planner.
    analyze()
    print(", ".join(f"{n:,} {name}" for name, n in counts.items()))


if __name__ == "__main__":
    main()
