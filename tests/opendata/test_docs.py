"""The open-data pages document every endpoint, field and CSV column, in both interface languages: an
overview, and one page per endpoint with a live example."""

import json
import re
from html import unescape

import pytest

from reliefsite.opendata.csvrows import CSV_COLUMNS, CSV_NOTES
from reliefsite.opendata.docs import shared_objects, shortened
from reliefsite.opendata.endpoints import ENDPOINTS
from reliefsite.opendata.fields import ENVELOPE, FIELDS, SHARED

from .conftest import NAMES, add_records, all_items

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def produced_paths(value, fields, prefix, found):
    """Collect the field paths an item really has, checking shared objects against their own list."""
    for key, child in value.items():
        path = f"{prefix}{key}"
        found.add(path)
        kind = fields.get(path, "")
        shared = next((name for name in SHARED if name in kind), None)
        for element in child if isinstance(child, list) else [child]:
            if not isinstance(element, dict):
                continue
            if shared:
                shared_fields = {f.name: f.type for f in SHARED[shared][1]}
                inner = set()
                produced_paths(element, shared_fields, "", inner)
                assert inner == set(shared_fields), (path, inner ^ set(shared_fields))
            else:
                produced_paths(
                    element, fields, f"{path}[]." if isinstance(child, list) else f"{path}.", found
                )


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_documented_and_every_documented_field_exists(client, name):
    fields = {f.name: f.type for f in FIELDS[name]}
    found = set()
    for item in all_items(client, name):
        produced_paths(item, fields, "", found)
    assert found == set(fields), f"undocumented: {found - set(fields)}, stale: {set(fields) - found}"
    for field in FIELDS[name]:
        assert str(field.description).strip(), field.name


def test_the_envelope_is_documented(client):
    body = client.get("/data/actions.json").json()
    assert set(body) == {f.name for f in ENVELOPE}


@pytest.mark.parametrize("name", NAMES)
def test_csv_columns_are_the_documented_ones(client, name):
    endpoint = ENDPOINTS[name]
    for item in all_items(client, name):
        assert set(endpoint.csv_row(item)) == set(CSV_COLUMNS[name])
    json_fields = {f.name for f in FIELDS[name]}
    for column in CSV_COLUMNS[name]:
        assert column in CSV_NOTES or column in json_fields, column


@pytest.mark.parametrize(("path", "heading"), [("/data/", "开放数据"), ("/en/data/", "Open data")])
def test_the_overview_gives_every_endpoint_feed_and_the_envelope(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    prefix = path.removesuffix("data/")
    for name in NAMES:
        assert f"http://testserver/data/{name}.json" in html
        assert f"http://testserver/data/{name}.csv" in html
        assert f'href="{prefix}data/{name}/"' in html
    for field in ENVELOPE:
        assert f"<code>{field.name}</code>" in html, field.name
    for url in ("/feeds/actions/", "/feeds/campaigns/", "/sitemap.xml", "/robots.txt"):
        assert f"http://testserver{url}" in html
    # Fields and live examples are on the endpoints' own pages.
    assert "<code>figures[].as_printed</code>" not in html
    assert "1597" not in html


def test_the_overview_reads_nothing_from_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/data/").status_code == 200


EXAMPLE = re.compile(r'<pre tabindex="0"><code>(.*?)</code></pre>', re.S)


@pytest.mark.parametrize("language", ["", "/en"])
@pytest.mark.parametrize("name", NAMES)
def test_each_endpoint_page_documents_its_parameters_fields_columns_and_example(client, name, language):
    response = client.get(f"{language}/data/{name}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"http://testserver/data/{name}.json" in html
    assert f"http://testserver/data/{name}.csv" in html
    for parameter in [*ENDPOINTS[name].filters, "page", "per_page"]:
        assert f"<td><code>{parameter}</code></td>" in html, parameter
    for field in FIELDS[name]:
        assert f"<code>{field.name}</code>" in html, field.name
    for column in CSV_COLUMNS[name]:
        assert f"<code>{column}</code>" in html, column
    for shared in SHARED:
        used = any(shared in field.type for field in FIELDS[name])
        assert (f'<h3 id="{shared}">' in html) == used, shared
    # The example is the record the JSON endpoint gives first, its nested lists cut short; the data
    # stays Chinese on the English page.
    (example,) = EXAMPLE.findall(html)
    first = client.get(f"/data/{name}.json").json()["items"][0]
    assert json.loads(unescape(example)) == shortened(first)
    assert '<span aria-current="page">' in html


def test_every_shared_object_is_documented_on_some_endpoint_page():
    assert {shared["name"] for name in NAMES for shared in shared_objects(name)} == set(SHARED)


def test_an_unknown_endpoint_page_is_404(client):
    assert client.get("/data/donors/").status_code == 404


def test_endpoint_pages_queries_do_not_grow_with_the_data(client, django_assert_num_queries):
    """The example is the first record: the same statements for the seed data and for twenty more."""
    expected_queries = {
        "actions": 5,
        "organizations": 1,
        "campaigns": 4,
        "campaign-transactions": 1,
        "hotlines": 3,
    }
    for count in (0, 20):
        add_records(count)
        for name, expected in expected_queries.items():
            with django_assert_num_queries(expected):
                assert client.get(f"/data/{name}/").status_code == 200


def test_the_json_links_to_its_endpoint_page(client):
    for name in NAMES:
        assert client.get(f"/data/{name}.json").json()["documentation"] == f"http://testserver/data/{name}/"


def test_the_english_pages_are_in_english(client):
    html = client.get("/en/data/").content.decode()
    assert '<h2 id="conventions-title">Conventions</h2>' in html
    assert "通用约定" not in html
    html = client.get("/en/data/actions/").content.decode()
    assert "<h1>Open data: Relief actions</h1>" in html
    # Interface text and field descriptions are translated; the data in the example stays Chinese.
    for chinese in ("报道中的数字，按原文顺序。", "字段（items 中的每条记录）", "开放数据"):
        assert chinese not in html
