import csv
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import override
from django.views.decorators.http import condition, require_safe

from .csvrows import CSV_COLUMNS
from .docs import endpoint_context, overview_context
from .endpoints import ENDPOINTS
from .params import PAGING, BadParameter, Paging, check_known, error_response

CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag, Last-Modified, Link"}


def _freshness(request, endpoint):
    """Computed once per request: condition() asks for the ETag and Last-Modified separately."""
    if not hasattr(request, "_opendata_freshness"):
        request._opendata_freshness = endpoint.freshness()
    return request._opendata_freshness


def _etag(request, endpoint, fmt):
    # The output also depends on the parameters and on the host (absolute URLs in the data).
    query = sorted(request.GET.lists())
    key = repr((endpoint.name, fmt, request.get_host(), request.scheme, query, _freshness(request, endpoint)))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _last_modified(request, endpoint):
    stamps = [latest for _count, latest in _freshness(request, endpoint) if latest]
    return max(stamps) if stamps else None


def _page_url(request, page):
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")


@require_safe
def data(request, name, fmt):
    """One data endpoint as JSON or CSV: parameters checked first, then answered 304 or rendered."""
    endpoint = ENDPOINTS[name]
    try:
        check_known(request.GET, [*endpoint.filters, *PAGING])
        paging = Paging.from_query(request.GET, paginate_by_default=fmt == "json")
        filters = endpoint.parse_filters(request.GET)
    except BadParameter as error:
        return error_response(error)

    queryset = endpoint.apply_filters(endpoint.queryset(), filters)
    total = queryset.count()
    try:
        rows = paging.slice(queryset, total)
    except BadParameter as error:
        return error_response(error)

    @condition(
        etag_func=lambda req: _etag(req, endpoint, fmt),
        last_modified_func=lambda req: _last_modified(req, endpoint),
    )
    def respond(request):
        return _render(request, endpoint, fmt, paging, total, rows)

    response = respond(request)
    for header, value in CORS.items():
        response.headers.setdefault(header, value)
    # Revalidate every time: the ETag check costs a few tiny queries and a 304 carries no body. This
    # also keeps the data out of the site's page cache, which would answer without a 304.
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _render(request, endpoint, fmt, paging, total, rows):
    # Choice labels in the data are Chinese, whatever the client's Accept-Language.
    with override(settings.LANGUAGE_CODE):
        items = [endpoint.serialize(obj, request.build_absolute_uri) for obj in rows]
    pages = paging.total_pages(total)
    links = {}
    if paging.per_page is not None and paging.page < pages:
        links["next"] = _page_url(request, paging.page + 1)
    if paging.per_page is not None and paging.page > 1:
        links["prev"] = _page_url(request, paging.page - 1)
    if fmt == "csv":
        response = _csv(endpoint, items)
    else:
        envelope = {
            "total_items": total,
            "page": paging.page,
            "per_page": paging.per_page,
            "total_pages": pages,
            "next": links.get("next"),
            "prev": links.get("prev"),
            "documentation": request.build_absolute_uri(reverse(f"opendata_docs:{endpoint.name}")),
            "items": items,
        }
        response = JsonResponse(envelope, json_dumps_params={"ensure_ascii": False})
    if links:
        response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
    return response


def _csv(endpoint, items):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{endpoint.name}.csv"'
    # A byte-order mark, so Excel opens the UTF-8 Chinese text correctly.
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS[endpoint.name])
    writer.writeheader()
    for item in items:
        writer.writerow(endpoint.csv_row(item))
    return response


def docs(request):
    """The open-data overview: conventions, the JSON envelope, every endpoint's addresses, feeds."""
    return render(request, "opendata/docs.html", overview_context(request))


def endpoint_docs(request, name):
    """One endpoint's documentation: parameters, fields, CSV columns and a live example item."""
    return render(request, "opendata/endpoint.html", endpoint_context(request, name))


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        # The admin is deliberately not listed: naming ADMIN_URL here would publish the hidden path.
        # Nothing public links to it, so crawlers have no way in.
        # Paged data listings are the same rows again; crawlers need only the first page.
        "Disallow: /data/*?page=",
        "Disallow: /data/*&page=",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('opendata:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
