"""Each data endpoint against the real seed data: the figures, totals and transactions the sources print."""

from decimal import Decimal

import pytest

from reliefsite.actions.models import Action
from reliefsite.organizations.models import Organization

from .conftest import DRAFT_MARKERS, NAMES, all_items, csv_rows

# Every test here sees the seed data (loaded once for the module, see conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def find(items, **match):
    found = [i for i in items if all(i.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, len(found))
    return found[0]


def test_actions_carry_figures_as_printed_and_their_sources(client, seeded):
    items = all_items(client, "actions")
    assert len(items) == Action.objects.published().count()
    mentougou = next(i for i in items if any(f["value"] == 1597 for f in i["figures"]))
    gifts = next(f for f in mentougou["figures"] if f["value"] == 1597)
    assert gifts == {
        "value": 1597,
        "qualifier": "exact",
        "unit": "份",
        "counts": "慰问品",
        "as_printed": "1597份",
    }
    assert mentougou["district"] == "mentougou"
    assert mentougou["sources"][0]["publication"] == "劳动午报"
    assert mentougou["sources"][0]["url"].startswith("http://testserver/sources/")

    warmers = next(i for i in items if any(f["counts"] == "暖手宝" for f in i["figures"]))
    figure = next(f for f in warmers["figures"] if f["counts"] == "暖手宝")
    assert (figure["value"], figure["qualifier"], figure["as_printed"]) == (200, "duo", "200多个")
    assert warmers["url"] == f"http://testserver/actions/{warmers['slug']}/"


def test_actions_filters(client, seeded):
    mentougou = all_items(client, "actions", district="mentougou")
    assert mentougou and {i["district"] for i in mentougou} == {"mentougou"}
    funds = all_items(client, "actions", category="funds")
    assert funds and {i["category"] for i in funds} == {"funds"}
    by_org = all_items(client, "actions", organization="mentougou-ftu")
    assert by_org and all("mentougou-ftu" in [o["slug"] for o in i["organizations"]] for i in by_org)
    since = all_items(client, "actions", since="2020-02-05")
    assert since and min(i["start_date"] for i in since) >= "2020-02-05"
    assert (
        len(since) + len(all_items(client, "actions", until="2020-02-04"))
        == Action.objects.published().count()
    )


def test_campaign_reports_and_totals(client, seeded):
    campaign = find(all_items(client, "campaigns"), slug="warm-wuhan")
    assert campaign["organizer"]["name"] == "北京市温暖基金会"
    assert campaign["currency"] == "CNY"
    first, latest = campaign["reports"]
    assert (first["amount"], first["amount_qualifier"], first["amount_as_printed"]) == (
        6957400,
        "yu",
        "695.74万余元",
    )
    assert (first["donors"], first["donors_qualifier"], first["donors_as_printed"]) == (
        44000,
        "duo",
        "4.4万多名",
    )
    assert first["as_of"] == "2020-02-03T17:00:00+08:00"
    assert campaign["latest_total"]["amount"] == latest["amount"] == 16980000
    assert campaign["latest_total"]["donors"] == 96596
    assert campaign["latest_total"]["as_of_as_printed"] == "2020年2月6日下午"
    assert campaign["disbursed"] == 6000000
    assert campaign["balance"] == 10980000
    assert {c["label"] for c in campaign["contributions"]} == {"教育工会系统"}
    assert (
        campaign["transactions_url"]
        == "http://testserver/data/campaign-transactions.json?campaign=warm-wuhan"
    )


def test_campaign_transactions_in_the_spirit_of_iati(client, seeded):
    items = all_items(client, "campaign-transactions", campaign="warm-wuhan")
    assert len(items) == 4
    assert sum(Decimal(str(t["value"])) for t in items) == Decimal("6000000")
    assert {t["transaction_type"] for t in items} == {"disbursement"}
    assert {t["transaction_type_code"] for t in items} == {"3"}
    assert {t["currency"] for t in items} == {"CNY"}
    assert {t["provider_org"]["name"] for t in items} == {"北京市温暖基金会"}
    receivers = {t["receiver_org"]["name"] for t in items if t["receiver_org"]}
    assert receivers == {"湖北省总工会", "武汉市总工会"}
    unnamed = [t for t in items if t["receiver_org"] is None]
    assert len(unnamed) == 2 and all(t["receiver_note"] for t in unnamed)
    hubei = find(items, ref="warm-wuhan-3")
    assert (hubei["transaction_date"], hubei["date_qualifier"], hubei["value"]) == (
        "2020-02-06",
        "exact",
        2000000,
    )


def test_organizations_count_only_published_records(client, seeded, drafts):
    items = all_items(client, "organizations")
    assert len(items) == Organization.objects.count()
    foundation = find(items, slug="beijing-warmth-foundation")
    assert foundation["published_campaigns"] == 1
    assert foundation["kind"] == "foundation"
    draft_org = find(items, slug="draft-test-union")
    assert draft_org["published_actions"] == 0  # its only action is a draft
    mentougou = find(items, slug="mentougou-ftu")
    expected = Action.objects.published().filter(organizations__slug="mentougou-ftu").count()
    assert mentougou["published_actions"] == expected > 0
    assert mentougou["parent"]["slug"] == "beijing-ftu"
    assert all(i["kind"] == "foundation" for i in all_items(client, "organizations", kind="foundation"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_are_in_no_endpoint(client, seeded, drafts, name):
    for fmt in ("json", "csv"):
        body = client.get(f"/data/{name}.{fmt}", {"per_page": 200} if fmt == "json" else {}).content.decode()
        for marker in DRAFT_MARKERS:
            assert marker not in body, (name, fmt, marker)


def test_a_draft_total_does_not_move_the_published_latest_total(client, db, drafts):
    live = find(all_items(client, "campaigns"), slug="live-campaign")
    assert live["latest_total"]["amount"] == 100
    assert [r["amount"] for r in live["reports"]] == [100]
    assert live["disbursed"] == 0


@pytest.mark.parametrize("name", NAMES)
def test_csv_has_one_row_per_json_item(client, seeded, name):
    response = client.get(f"/data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    items = all_items(client, name)
    assert len(rows) == len(items)
    key = "ref" if name == "campaign-transactions" else ("id" if name == "hotlines" else "slug")
    assert [r[key] for r in rows] == [str(i[key]) for i in items]
    assert "Link" not in response  # all rows, no paging without page/per_page


def test_csv_content(client, seeded):
    rows = csv_rows(client.get("/data/campaign-transactions.csv"))
    assert sum(Decimal(r["value"]) for r in rows) == Decimal("6000000")
    assert {r["receiver_org_name"] for r in rows} == {"", "湖北省总工会", "武汉市总工会"}
    assert {r["provider_org_name"] for r in rows} == {"北京市温暖基金会"}
    actions = csv_rows(client.get("/data/actions.csv"))
    assert any("1597份慰问品" in r["figures"] for r in actions)
    assert any("200多个暖手宝" in r["figures"] for r in actions)
    hotline = next(r for r in csv_rows(client.get("/data/hotlines.csv")) if "4000151123" in r["phones"])
    assert hotline["phones"] == "4000151123; 4000251123"
    assert hotline["schedules"] == "WE,TH 09:00+08:00–17:00+08:00"


@pytest.mark.parametrize("name", NAMES)
def test_json_is_open_to_other_origins(client, db, name):
    response = client.get(f"/data/{name}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert response.json()["items"]
    assert response.json()["documentation"] == f"http://testserver/data/{name}/"


def test_unknown_endpoint_is_404(client, db):
    assert client.get("/data/donors.json").status_code == 404
    assert client.get("/data/actions.json/").status_code == 404
    assert client.get("/data/actions.xml").status_code == 404
    assert client.post("/data/actions.json").status_code == 405
