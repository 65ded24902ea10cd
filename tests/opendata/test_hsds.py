"""Hotlines as Open Referral HSDS 3 services, validated against the JSON Schema kept next to this file."""

import json
from pathlib import Path

import jsonschema
import pytest

from reliefsite.hotlines.models import Hotline
from reliefsite.publishing import Status
from tests import factories

from .conftest import all_items

SCHEMA = json.loads((Path(__file__).parent / "hsds_service.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def psychological_hotline(items):
    return next(s for s in items if any(p["number"] == "4000151123" for p in s["phones"]))


def test_the_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_seeded_hotline_validates(client):
    items = all_items(client, "hotlines")
    assert len(items) == Hotline.objects.published().count() == 3
    for service in items:
        VALIDATOR.validate(service)


def test_the_psychological_hotline(client):
    service = psychological_hotline(all_items(client, "hotlines"))
    assert service["name"] == "北京市总工会职工心理咨询热线"
    assert service["status"] == "active"
    assert service["organization"]["name"] == "北京市总工会"
    assert service["organization_id"] == service["organization"]["id"]
    assert service["eligibility_description"] == "持北京市工会会员互助服务卡的在职职工"
    assert [p["number"] for p in service["phones"]] == ["4000151123", "4000251123"]
    assert [lang["code"] for lang in service["languages"]] == ["zh"]
    (schedule,) = service["schedules"]
    assert schedule["freq"] == "WEEKLY"
    assert schedule["byday"] == "WE,TH"
    assert schedule["opens_at"] == "09:00+08:00"
    assert schedule["closes_at"] == "17:00+08:00"
    assert schedule["timezone"] == 8
    assert schedule["notes"] == "法定节假日除外"
    assert service["required_documents"][0]["document"].startswith("本人工会会员互助服务卡卡号")
    assert service["attributes"][0]["value"] == "psychological"


def test_fixed_line_keeps_its_area_code_and_unpublished_hours_are_no_schedule(client):
    daxing = next(s for s in all_items(client, "hotlines") if "60211688" in s["phones"][0]["number"])
    assert daxing["phones"][0]["number"] == "010-60211688"
    assert daxing["schedules"] == []


def test_ids_are_stable_uuids(client):
    first = [s["id"] for s in all_items(client, "hotlines")]
    second = [s["id"] for s in all_items(client, "hotlines")]
    assert first == second and len(set(first)) == 3


def test_round_the_clock_and_split_hours(client):
    factories.make_hotline(name="全天热线", numbers=("4001234567",), round_the_clock=True)
    factories.make_hotline(
        name="分段热线",
        numbers=("4007654321",),
        hours=[(0, "09:00", "12:00"), (0, "13:00", "17:00"), (1, "09:00", "12:00"), (5, "10:00", "16:00")],
    )
    factories.make_hotline(name="草稿", numbers=("4001112223",), status=Status.DRAFT)
    items = {s["name"]: s for s in all_items(client, "hotlines")}
    assert {"全天热线", "分段热线"} <= set(items)
    assert "草稿" not in items
    for service in items.values():
        VALIDATOR.validate(service)
    (always,) = items["全天热线"]["schedules"]
    assert always["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert (always["opens_at"], always["closes_at"]) == ("00:00+08:00", "23:59+08:00")
    split = [(s["byday"], s["opens_at"], s["closes_at"]) for s in items["分段热线"]["schedules"]]
    assert split == [
        ("MO,TU", "09:00+08:00", "12:00+08:00"),
        ("MO", "13:00+08:00", "17:00+08:00"),
        ("SA", "10:00+08:00", "16:00+08:00"),
    ]
