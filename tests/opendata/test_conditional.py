"""ETag / Last-Modified: unchanged data is answered 304; any published change gives a new ETag."""

import datetime

import pytest
import time_machine
from django.utils.http import http_date, parse_http_date

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.sources.models import Source
from tests import factories

from .conftest import NAMES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

LATER = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_if_none_match_gets_304(client, name, fmt):
    first = client.get(f"/data/{name}.{fmt}")
    etag = first["ETag"]
    assert etag.startswith('"') and first["Last-Modified"]
    again = client.get(f"/data/{name}.{fmt}", headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(f"/data/{name}.{fmt}", headers={"if-none-match": '"stale"'}).status_code == 200


@pytest.mark.parametrize("name", NAMES)
def test_if_modified_since_gets_304(client, name):
    first = client.get(f"/data/{name}.json")
    last_modified = first["Last-Modified"]
    assert client.get(f"/data/{name}.json", headers={"if-modified-since": last_modified}).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 3600)
    assert client.get(f"/data/{name}.json", headers={"if-modified-since": earlier}).status_code == 200


def test_etag_depends_on_parameters_and_format(client):
    tags = {
        client.get("/data/actions.json")["ETag"],
        client.get("/data/actions.csv")["ETag"],
        client.get("/data/actions.json", {"district": "dongcheng"})["ETag"],
        client.get("/data/actions.json", {"per_page": 5})["ETag"],
    }
    assert len(tags) == 4


def etags(client):
    return {name: client.get(f"/data/{name}.json")["ETag"] for name in NAMES}


def test_editing_a_published_record_changes_the_etag(client):
    before = etags(client)
    last_modified = client.get("/data/actions.json")["Last-Modified"]
    with time_machine.travel(LATER, tick=False):
        action = Action.objects.published().first()
        action.title = "改过的标题"
        action.save()
    response = client.get("/data/actions.json", headers={"if-none-match": before["actions"]})
    assert response.status_code == 200
    assert response["ETag"] != before["actions"]
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(last_modified)
    assert client.get("/data/actions.json", headers={"if-modified-since": last_modified}).status_code == 200


def test_publishing_and_withdrawing_change_the_etag(client, drafts):
    before = etags(client)
    with time_machine.travel(LATER, tick=False):
        for model, slug in (
            (Action, "draft-action"),
            (Campaign, "draft-campaign"),
            (Hotline, "draft-hotline"),
        ):
            record = model.objects.get(slug=slug)
            record.status = Status.PUBLISHED
            record.save()
    after = etags(client)
    for name in ("actions", "campaigns", "hotlines", "organizations", "campaign-transactions"):
        assert after[name] != before[name], name
    # Withdrawing without touching updated_at (a bulk update) still changes the row count.
    Action.objects.filter(slug="draft-action").update(status=Status.DRAFT)
    assert client.get("/data/actions.json")["ETag"] == before["actions"]


def test_editing_a_draft_changes_nothing(client, drafts):
    before = etags(client)
    with time_machine.travel(LATER, tick=False):
        action = drafts["action"]
        action.title = "仍是草稿"
        action.save()
        factories.make_action(
            status=Status.DRAFT,
            organizations=[Organization.objects.first()],
            sources=[Source.objects.first()],
        )
    assert client.get("/data/actions.json")["ETag"] == before["actions"]


def test_renaming_an_organization_changes_the_actions_etag(client):
    before = client.get("/data/actions.json")["ETag"]
    with time_machine.travel(LATER, tick=False):
        org = Organization.objects.get(slug="mentougou-ftu")
        org.name = "门头沟区总工会（新名）"
        org.save()
    assert client.get("/data/actions.json")["ETag"] != before


def test_conditional_request_costs_only_the_cheap_queries(client, django_assert_max_num_queries):
    etag = client.get("/data/actions.json")["ETag"]
    with django_assert_max_num_queries(4):  # count + three freshness aggregates; no rows are fetched
        assert client.get("/data/actions.json", headers={"if-none-match": etag}).status_code == 304
