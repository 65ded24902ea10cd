import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from reliefsite.actions.models import Action, Figure
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline, OpeningHours, PhoneNumber
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.sources.models import Source

pytestmark = pytest.mark.django_db
SEEDS = Path(settings.BASE_DIR) / "seeds"
MODELS = [
    Organization,
    Source,
    Action,
    Figure,
    Campaign,
    TotalReport,
    GroupContribution,
    Disbursement,
    Hotline,
]


def snapshot():
    return {
        m.__name__: sorted(m.objects.values_list("pk", "updated_at" if hasattr(m, "updated_at") else "pk"))
        for m in MODELS
    }


def test_every_article_of_both_pages_is_cited(seeded):
    files = {path.name for path in Path(settings.BASE_DIR).parent.joinpath("shared", "seeds").glob("*.txt")}
    assert set(Source.objects.values_list("seed_file", flat=True)) == files or not files
    for source in Source.objects.all():
        cited = (
            source.actions.exists()
            or source.campaigns.exists()
            or source.hotlines.exists()
            or source.total_reports.exists()
        )
        assert cited, f"nothing cites {source}"


@pytest.mark.parametrize(
    "printed",
    [
        "1597份",  # 门头沟 慰问品
        "200多个",  # 和平里 暖手宝
        "10万元",  # 门头沟 to 区卫健委
        "5万元",  # 平谷
        "11.18万元",  # 北辰
        "125万元",  # 东城
        "2000斤",  # 朝阳邮政 chicken
        "1472户",  # 怀柔
        "约7.5万人",  # insurance
        "最高22.32万元",
        "28819名",
        "不少于2名",  # lawyers on duty
    ],
)
def test_figures_are_stored_and_print_exactly(seeded, printed):
    assert printed in {figure.as_printed for figure in Figure.objects.all()}


def test_campaign_reports_and_ledger(seeded):
    campaign = Campaign.objects.published().with_totals().get(slug="warm-wuhan")
    assert campaign.registration_number == "531100005003093113A20001"
    reports = [r.amount_display for r in campaign.reports.order_by("as_of")]
    assert reports == ["695.74万余元", "1698万元"]
    assert [r.donors_display for r in campaign.reports.order_by("as_of")] == ["4.4万多名", "96596名"]
    assert campaign.disbursed == Decimal("6000000")
    assert campaign.contributions.filter(staff_count=28819, amount=Decimal("4780800")).exists()
    assert Disbursement.objects.filter(recipient__name="湖北省总工会", amount=Decimal("2000000")).exists()


def test_hotlines(seeded):
    numbers = set(PhoneNumber.objects.values_list("number", flat=True))
    assert {"4000151123", "4000251123", "12351", "60211688"} <= numbers
    psychological = Hotline.objects.get(numbers__number="4000151123")
    assert sorted(OpeningHours.objects.filter(hotline=psychological).values_list("weekday", flat=True)) == [
        2,
        3,
    ]
    assert psychological.closed_on_public_holidays


def test_everything_loaded_is_published(seeded):
    assert not Action.objects.exclude(status=Status.PUBLISHED).exists()
    assert Action.objects.count() >= 30


def test_loading_twice_changes_nothing(seeded, capsys):
    before = snapshot()
    history_before = Action.history.count()
    call_command("load_seeds")
    assert snapshot() == before
    assert Action.history.count() == history_before
    assert " 0 created, 0 updated" in capsys.readouterr().out


def test_if_empty_keeps_editors_changes(seeded):
    Action.objects.filter(slug="warm-wuhan-launch").update(title="编辑改过的标题")
    call_command("load_seeds", if_empty=True)
    assert Action.objects.get(slug="warm-wuhan-launch").title == "编辑改过的标题"


def test_dry_run_saves_nothing(db):
    call_command("load_seeds", dry_run=True)
    assert not Organization.objects.exists()


def broken_copy(tmp_path, file, old, new):
    directory = tmp_path / "seeds"
    shutil.copytree(SEEDS, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("actions.yaml", "qualifier: duo", "qualifier: lots", "field 'qualifier'"),
        ("actions.yaml", "category: funds", "category: cash", "field 'category'"),
        ("campaigns.yaml", 'amount: "16980000"', 'amount: "-1"', "field 'amount'"),
        ("campaigns.yaml", "organizer: beijing-warmth-foundation", "organizer: nobody", "field 'organizer'"),
        ("hotlines.yaml", 'opens: "09:00"', 'opens: "nine"', "field 'opens'"),
        ("sources.yaml", "published_on: 2020-02-04", "published_on: 2020-02-31", "field 'published_on'"),
        ("organizations.yaml", "- slug:", "- slugg:", "field 'slugg'"),
        ("actions.yaml", "- slug:", "- slug: [unclosed", "not valid YAML"),
    ],
)
def test_bad_file_is_rejected_and_database_left_as_it_was(tmp_path, db, file, old, new, message):
    directory = broken_copy(tmp_path, file, old, new)
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", path=str(directory))
    assert f"seeds/{file}" in str(error.value)
    assert message in str(error.value)
    assert "database unchanged" in str(error.value)
    assert not Organization.objects.exists()
    assert not Source.objects.exists()
