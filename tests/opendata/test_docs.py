"""The open-data page documents every endpoint, field and CSV column, in both interface languages."""

import pytest

from reliefsite.opendata.csvrows import CSV_COLUMNS, CSV_NOTES
from reliefsite.opendata.endpoints import ENDPOINTS
from reliefsite.opendata.fields import ENVELOPE, FIELDS, SHARED

from .conftest import NAMES, all_items

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
def test_the_page_lists_every_endpoint_field_and_feed(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    for name in NAMES:
        assert f"http://testserver/data/{name}.json" in html
        assert f"http://testserver/data/{name}.csv" in html
        for field in FIELDS[name]:
            assert f"<code>{field.name}</code>" in html, field.name
        for column in CSV_COLUMNS[name]:
            assert f"<code>{column}</code>" in html, column
    for url in ("/feeds/actions/", "/feeds/campaigns/", "/sitemap.xml", "/robots.txt"):
        assert f"http://testserver{url}" in html
    assert "1597" in html or "warm-wuhan" in html  # live example records


def test_the_english_page_is_in_english(client):
    html = client.get("/en/data/").content.decode()
    assert '<h2 id="conventions-title">Conventions</h2>' in html
    # Interface text and field descriptions are translated; the data in the examples stays Chinese.
    for chinese in (
        "通用约定",
        "报道中的数字，按原文顺序。",
        "只包含已发布的记录",
        "字段（items 中的每条记录）",
    ):
        assert chinese not in html
