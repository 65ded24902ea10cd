"""What the open-data page shows: endpoints, parameters, fields, CSV columns and a live example item."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from .csvrows import CSV_COLUMNS, CSV_NOTES
from .endpoints import ENDPOINTS
from .fields import ENVELOPE, FIELDS, SHARED
from .params import DEFAULT_PER_PAGE, MAX_PER_PAGE

# Example queries shown next to each endpoint: real filter values from the seed data.
EXAMPLE_QUERIES = {
    "actions": "?district=mentougou&per_page=10",
    "organizations": "?kind=district_federation",
    "campaigns": "?page=1",
    "campaign-transactions": "?campaign=warm-wuhan",
    "hotlines": "?need=psychological",
}


def csv_column_notes(name):
    """(column, explanation) pairs; plain columns carry the JSON field of the same name."""
    documented = {f.name: f.description for f in FIELDS[name]}
    return [(column, CSV_NOTES.get(column) or documented.get(column, "")) for column in CSV_COLUMNS[name]]


EXAMPLE_LIST_ITEMS = 2  # a record's nested lists (a campaign's reports…) shortened to this many


def shortened(value):
    """The example with every nested list cut to its first items: the shape, not the whole history."""
    if isinstance(value, dict):
        return {key: shortened(child) for key, child in value.items()}
    if isinstance(value, list):
        return [shortened(child) for child in value[:EXAMPLE_LIST_ITEMS]]
    return value


def example_item(endpoint, absolute):
    first = endpoint.example(EXAMPLE_LIST_ITEMS)
    if first is None:
        return ""
    with override(settings.LANGUAGE_CODE):
        item = endpoint.serialize(first, absolute)
    return json.dumps(shortened(item), ensure_ascii=False, indent=2)


def documented_endpoints(request):
    absolute = request.build_absolute_uri
    result = []
    for name, endpoint in ENDPOINTS.items():
        json_url = absolute(reverse(f"opendata:{name}-json"))
        result.append(
            {
                "name": name,
                "title": endpoint.title,
                "description": endpoint.description,
                "json_url": json_url,
                "csv_url": absolute(reverse(f"opendata:{name}-csv")),
                "example_url": json_url + EXAMPLE_QUERIES[name],
                "filters": list(endpoint.filters.items()),
                "fields": FIELDS[name],
                "csv_columns": csv_column_notes(name),
                "example": example_item(endpoint, absolute),
            }
        )
    return result


def docs_context(request):
    absolute = request.build_absolute_uri
    return {
        "endpoints": documented_endpoints(request),
        "envelope": ENVELOPE,
        "shared": [
            {"name": key, "title": title, "fields": fields} for key, (title, fields) in SHARED.items()
        ],
        "example_list_items": EXAMPLE_LIST_ITEMS,
        "default_per_page": DEFAULT_PER_PAGE,
        "max_per_page": MAX_PER_PAGE,
        "feeds": {
            "actions": absolute(reverse("opendata:actions-feed")),
            "district": absolute(reverse("opendata:district-actions-feed", args=["mentougou"])),
            "organization": absolute(reverse("opendata:organization-actions-feed", args=["beijing-ftu"])),
            "campaigns": absolute(reverse("opendata:campaigns-feed")),
            "campaign": absolute(reverse("opendata:campaign-feed", args=["warm-wuhan"])),
        },
        "sitemap_url": absolute(reverse("opendata:sitemap")),
        "robots_url": absolute(reverse("opendata:robots")),
    }
