"""In-process measurements of every public page type on one database, printed as JSON.

    DATABASE_URL=sqlite:///bench/out/large.sqlite3 python bench/measure.py --repeat 40

For each page: SQL queries (counted with an execute wrapper), server time p50/p95 with the page cache off
(Django's test Client in a process started like a gunicorn worker: the whole middleware stack and view,
no network; one request of each page per round, --repeat rounds), HTML size raw and gzipped,
and the gzipped size of the style sheets it links. Run by bench/run.py with production settings.
"""

import argparse
import gzip
import json
import os
import random
import re
import runpy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reliefsite.settings")

# Start as a gunicorn worker does: import the WSGI application, then run the repository's
# post_worker_init hook (gunicorn.conf.py), which takes the loaded project out of the garbage
# collector's full collections. The timings are then those of a production worker.
import reliefsite.wsgi  # noqa: E402, F401

runpy.run_path(str(ROOT / "gunicorn.conf.py"))["post_worker_init"](None)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from reliefsite.actions.models import Action  # noqa: E402
from reliefsite.campaigns.models import Campaign  # noqa: E402
from reliefsite.hotlines.models import Hotline  # noqa: E402
from reliefsite.organizations.models import Organization  # noqa: E402
from reliefsite.sources.models import Source  # noqa: E402

BUDGET_MS = 8000
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def page_types():
    """(name, url): one of each public page type, on typical records of this database."""
    action = Action.objects.published().order_by("pk").first()
    busiest = Organization.objects.annotate(n=Count("actions")).order_by("-n").first()
    campaign = Campaign.objects.published().annotate(n=Count("reports")).order_by("-n").first()
    hotline = Hotline.objects.published().order_by("pk").first()
    source = Source.objects.annotate(n=Count("actions")).order_by("-n").first()
    return [
        ("home", "/"),
        ("home (English)", "/en/"),
        ("actions list", "/actions/"),
        ("actions list, page 50", "/actions/?page=50"),
        ("actions filtered", "/actions/?district=chaoyang&category=goods"),
        ("actions search", "/actions/?q=%E6%85%B0%E9%97%AE%E8%81%8C%E5%B7%A5"),
        ("action detail", action.get_absolute_url()),
        ("organizations list", "/organizations/"),
        ("organization detail (busiest)", busiest.get_absolute_url()),
        ("campaigns list", "/campaigns/"),
        ("campaign detail (most reports)", campaign.get_absolute_url()),
        ("campaign reports", f"{campaign.get_absolute_url()}reports/"),
        ("hotlines list", "/hotlines/"),
        ("hotline detail", hotline.get_absolute_url()),
        ("sources list", "/sources/"),
        ("source detail (most cited)", source.get_absolute_url()),
        ("open data overview", "/data/"),
        ("open data endpoint (campaigns)", "/data/campaigns/"),
    ]


def css_gzip_size(html):
    total = 0
    for href in STYLESHEET.findall(html):
        name = href.removeprefix(settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/")
        path = Path(settings.STATIC_ROOT) / name.lstrip("/")
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 6))
    return total


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def replayed(queries):
    """Each statement's time including reading its rows: SQLite computes rows as they are fetched,
    so timing execute() alone would call a slow GROUP BY instant."""
    timed = []
    with connection.cursor() as cursor:
        for query in queries:
            start = time.perf_counter()
            cursor.execute(query["sql"], query["params"])
            cursor.fetchall()
            timed.append({"sql": query["sql"], "time": time.perf_counter() - start})
    return timed


def measure(name, url, client):
    """Everything but the timings: status, statements, sizes, the slowest statement."""
    response = client.get(url, secure=True)
    if response.status_code != 200:
        return {"page": name, "url": url, "status": response.status_code}
    html = response.content.decode()
    queries = []

    def record(execute, sql, params, many, context):
        queries.append({"sql": sql, "params": params})
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url, secure=True)
    slowest = sorted(replayed(queries), key=lambda q: -q["time"])[:1]
    return {
        "page": name,
        "url": url,
        "status": 200,
        "queries": len(queries),
        "html_bytes": len(response.content),
        "html_gzip": len(gzip.compress(response.content, 6)),
        "css_gzip": css_gzip_size(html),
        "slowest_query_ms": round(float(slowest[0]["time"]) * 1000, 2) if slowest else 0,
        "slowest_query": slowest[0]["sql"][:300] if slowest else "",
    }


def time_requests(pages, client, repeat):
    """Adds wall and CPU p50/p95 over `repeat` uncached requests of each page.

    The requests go in rounds, one of each page per round, not `repeat` of one page then the
    next: this machine's speed changes from one second to the next, and a page timed in one burst
    would be given whatever speed those seconds had. Spread over the whole run, every page meets
    the same mix of fast and slow stretches, as its requests do in production.

    Each round takes the pages in a new random order, different in every run. In a fixed order
    every round allocates the same objects in the same sequence, so the garbage collector's full
    collections, which allocation counts trigger, fell on the same two or three pages round after
    round, run after run; in production they fall on whichever request is running. A very slow
    build stops after BUDGET_MS per page (at least 5 rounds)."""
    served = [page for page in pages if page["status"] == 200]
    wall = {page["url"]: [] for page in served}
    cpu = {page["url"]: [] for page in served}
    started = time.perf_counter()
    for done in range(repeat):
        if done >= 5 and (time.perf_counter() - started) * 1000 > BUDGET_MS * len(served):
            break
        random.shuffle(served)
        for page in served:
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(page["url"], secure=True)
            wall[page["url"]].append((time.perf_counter() - start) * 1000)
            # SQLite runs in this process, so CPU time is the server's own work, whatever else the
            # machine is doing; wall time also counts waiting for the CPU behind other processes.
            cpu[page["url"]].append((time.process_time() - start_cpu) * 1000)
    for page in served:
        times, cpu_times = wall[page["url"]], cpu[page["url"]]
        page.update(
            p50_ms=round(statistics.median(times), 2),
            p95_ms=round(percentile(times, 0.95), 2),
            cpu_p50_ms=round(statistics.median(cpu_times), 2),
            cpu_p95_ms=round(percentile(cpu_times, 0.95), 2),
            timed=len(times),
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    settings.PAGE_CACHE = False
    client = Client()
    results = [measure(name, url, client) for name, url in page_types()]
    time_requests(results, client, args.repeat)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
