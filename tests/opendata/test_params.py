"""Pagination and bad parameters: a clear 400 with a JSON message, never a 500."""

import pytest

from reliefsite.actions.models import Action
from reliefsite.opendata.params import DEFAULT_PER_PAGE, MAX_PER_PAGE

from .conftest import NAMES, csv_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def test_json_pages_walk_every_action_once(client):
    total = Action.objects.published().count()
    first = client.get("/data/actions.json", {"per_page": 7}).json()
    assert (first["total_items"], first["page"], first["per_page"]) == (total, 1, 7)
    assert first["total_pages"] == -(-total // 7)
    assert first["prev"] is None
    slugs, body = [], first
    while True:
        slugs += [i["slug"] for i in body["items"]]
        if not body["next"]:
            break
        assert body["next"].startswith("http://testserver/data/actions.json?")
        body = client.get(body["next"]).json()
    assert len(slugs) == len(set(slugs)) == total
    assert body["page"] == first["total_pages"]
    assert body["prev"] == f"http://testserver/data/actions.json?page={body['page'] - 1}&per_page=7"


def test_default_page_size_and_link_header(client):
    body = client.get("/data/organizations.json").json()
    assert body["per_page"] == DEFAULT_PER_PAGE
    response = client.get("/data/organizations.json", {"per_page": 3, "page": 2, "kind": "enterprise_union"})
    links = response["Link"]
    assert (
        '<http://testserver/data/organizations.json?kind=enterprise_union&page=3&per_page=3>; rel="next"'
        in links
    )
    assert 'page=1&per_page=3>; rel="prev"' in links


def test_filters_survive_into_the_next_link(client):
    body = client.get("/data/actions.json", {"district": "dongcheng", "per_page": 1}).json()
    assert "district=dongcheng" in body["next"]


def test_csv_is_all_rows_unless_paged(client):
    total = Action.objects.published().count()
    assert len(csv_rows(client.get("/data/actions.csv"))) == total
    response = client.get("/data/actions.csv", {"per_page": 10, "page": 2})
    assert len(csv_rows(response)) == min(10, total - 10)
    assert 'rel="next"' in response["Link"] and 'rel="prev"' in response["Link"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "１"}, "page"),  # a full-width digit is not a page number here
        ({"page": "9999"}, "page"),
        ({"per_page": "100000"}, "per_page"),
        ({"per_page": str(MAX_PER_PAGE + 1)}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"per_page": ""}, "per_page"),
        ({"district": "atlantis"}, "district"),
        ({"category": "FUNDS"}, "category"),
        ({"organization": "no-such-union"}, "organization"),
        ({"since": "2020-02-30"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"distict": "dongcheng"}, "distict"),
        ({"page": ["1", "2"]}, "page"),
    ],
)
def test_bad_parameters_are_400_with_a_json_message(client, query, parameter):
    for fmt in ("json", "csv"):
        response = client.get(f"/data/actions.{fmt}", query)
        assert response.status_code == 400, (fmt, query)
        assert response["Content-Type"] == "application/json"
        error = response.json()["error"]
        assert error["status"] == 400
        assert error["parameter"] == parameter
        assert error["message"] and error["message_en"]
        assert "ETag" not in response
        assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("organizations", {"kind": "club"}),
        ("organizations", {"district": "xyz"}),
        ("campaign-transactions", {"campaign": "no-such-campaign"}),
        ("hotlines", {"need": "food"}),
        ("campaigns", {"district": "dongcheng"}),  # campaigns take no filters
    ],
)
def test_bad_filter_values_on_every_endpoint(client, name, query):
    response = client.get(f"/data/{name}.json", query)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == next(iter(query))


def test_a_draft_campaign_is_an_unknown_campaign(client, drafts):
    response = client.get("/data/campaign-transactions.json", {"campaign": "draft-campaign"})
    assert response.status_code == 400


def test_cache_busters_and_tracking_parameters_are_ignored(client):
    response = client.get("/data/hotlines.json", {"_": "1712345678", "utm_source": "weibo"})
    assert response.status_code == 200


@pytest.mark.parametrize("name", NAMES)
def test_empty_last_page_is_fine_but_past_it_is_not(client, name):
    body = client.get(f"/data/{name}.json", {"per_page": MAX_PER_PAGE}).json()
    assert body["total_pages"] == 1
    assert client.get(f"/data/{name}.json", {"page": 2, "per_page": MAX_PER_PAGE}).status_code == 400
