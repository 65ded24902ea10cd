"""What the open-data pages show. The overview: conventions, the JSON envelope, every endpoint's
addresses, feeds and sitemap. One page per endpoint: its parameters, fields, CSV columns, the shared
objects it uses and a live example item."""

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


def shared_objects(name):
    """The shared objects (organization_ref, source_ref) the endpoint's fields are made of."""
    return [
        {"name": key, "title": title, "fields": fields}
        for key, (title, fields) in SHARED.items()
        if any(key in field.type for field in FIELDS[name])
    ]


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


def endpoint_addresses(request, name):
    absolute = request.build_absolute_uri
    endpoint = ENDPOINTS[name]
    return {
        "name": name,
        "title": endpoint.title,
        "description": endpoint.description,
        "docs_url": reverse(f"opendata_docs:{name}"),
        "json_url": absolute(reverse(f"opendata:{name}-json")),
        "csv_url": absolute(reverse(f"opendata:{name}-csv")),
    }


PAGE_SIZES = {"default_per_page": DEFAULT_PER_PAGE, "max_per_page": MAX_PER_PAGE}


def overview_context(request):
    absolute = request.build_absolute_uri
    return {
        **PAGE_SIZES,
        "endpoints": [endpoint_addresses(request, name) for name in ENDPOINTS],
        "envelope": ENVELOPE,
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


def endpoint_context(request, name):
    endpoint = ENDPOINTS[name]
    addresses = endpoint_addresses(request, name)
    return {
        **PAGE_SIZES,
        "endpoint": {
            **addresses,
            "example_url": addresses["json_url"] + EXAMPLE_QUERIES[name],
            "filters": list(endpoint.filters.items()),
            "fields": FIELDS[name],
            "csv_columns": csv_column_notes(name),
            "shared": shared_objects(name),
            "example": example_item(endpoint, request.build_absolute_uri),
        },
        # Every endpoint's page, for the navigation between them.
        "endpoints": [endpoint_addresses(request, other) for other in ENDPOINTS],
        "example_list_items": EXAMPLE_LIST_ITEMS,
    }
