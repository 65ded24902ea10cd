"""The benchmark (`make bench`): data sets, per-page measurements, gunicorn + wrk. Not a unit test.

1. Generates two data sets into bench/out/ (kept between runs; --fresh regenerates): small (scale
   0.1) and large (20,000 actions, 1,000 organizations, 50 campaigns x 2,000 reports, 500 hotlines).
2. For each public page type, in-process (bench/measure.py, page cache off): SQL queries on both
   sets (flat = the same), server time p50/p95 on the large set (in a process started like a
   gunicorn worker; every page once per round, in a new random order each round), HTML + CSS
   gzipped.
3. Serves the large set with gunicorn (the repository's gunicorn.conf.py, production settings) and
   runs wrk on each page (from the page cache) and on a static file of the same size served by
   whitenoise in the same server, and prints the ratio.

Writes bench/out/results.json and bench/out/results.md. Targets: queries flat; p95 < 50 ms;
cached >= 0.5 x static; HTML + CSS < 30 KB gzipped.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, STATIC_ROOT, ensure_data, env, gunicorn, run, wrk

P95_TARGET_MS, RATIO_TARGET, SIZE_TARGET = 50, 0.5, 30 * 1024
SKIP_RENDER_MS = 1500
ROUNDS = 3


def cpu_reference_ms(rounds=5):
    """(fastest, slowest) ms of a fixed pure-Python loop: how fast this machine's CPU is right now.

    On a shared virtual machine the same work can take a third longer from one minute to the
    next; printed before and after the timings so that two runs can be compared fairly.
    """
    times = []
    for _ in range(rounds):
        start, total = time.perf_counter(), 0
        for i in range(3_000_000):
            total += i
        times.append((time.perf_counter() - start) * 1000)
    return round(min(times)), round(max(times))


def measure(name, repeat):
    output = run("bench/measure.py", "--repeat", str(repeat), environment=env(name), capture=True).stdout
    return json.loads(output)


def same_size_static(pages):
    """A static file as large as each page (bytes as sent: wrk asks for no compression)."""
    folder = STATIC_ROOT / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        if page.get("status") == 200:
            name = f"{page['html_bytes']}.html"
            (folder / name).write_bytes(
                (b"<p>static " * (page["html_bytes"] // 10 + 1))[: page["html_bytes"]]
            )
            page["static_url"] = f"/static/bench/{name}"


def serve_and_load(pages, duration):
    with gunicorn("large") as base:
        for page in pages:
            if page.get("status") != 200:
                continue
            if page["p50_ms"] > SKIP_RENDER_MS:
                # wrk gives up on a request after 2 s; the cache cannot even be filled.
                page["skipped"] = (
                    f"not served under load: one uncached render takes {page['p50_ms'] / 1000:.1f} s"
                )
                print(f"  {page['page']}: {page['skipped']}", flush=True)
                continue
            wrk(base + page["url"], duration=2, connections=4)  # fill every worker's cache
            # Alternate page and static file in short rounds and keep each one's best: on a shared
            # machine a burst of other work then hits both alike instead of skewing one.
            cached, static = [], []
            for _ in range(ROUNDS):
                cached.append(wrk(base + page["url"], duration=max(1, duration // ROUNDS)))
                static.append(wrk(base + page["static_url"], duration=max(1, duration // ROUNDS)))
            best_cached, best_static = max(r["rps"] for r in cached), max(r["rps"] for r in static)
            page["cached_rps"], page["static_rps"] = round(best_cached), round(best_static)
            page["ratio"] = round(best_cached / best_static, 2) if best_static else None
            page["errors"] = sum(r["non_2xx_3xx"] + r["socket_errors"] for r in cached)
            print(
                f"  {page['page']}: {page['cached_rps']} req/s cached, static {page['static_rps']}",
                flush=True,
            )


def verdicts(page, small):
    flags = []
    if small.get("queries") != page.get("queries"):
        flags.append(f"queries grow ({small.get('queries')} -> {page.get('queries')})")
    if page["cpu_p95_ms"] >= P95_TARGET_MS:
        flags.append("p95 over 50 ms")
    if page.get("skipped"):
        flags.append(page["skipped"])
    elif (page.get("ratio") or 0) < RATIO_TARGET:
        flags.append("cached under half the static rate")
    if page["html_gzip"] + page["css_gzip"] >= SIZE_TARGET:
        flags.append("over 30 KB gzipped")
    return flags


def report(pages, small_pages, load_before, load_after, reference):
    small = {p["page"]: p for p in small_pages}
    lines = [
        f"Machine: {os.cpu_count()} cores; load average {load_before:.2f} before, {load_after:.2f} after.",
        f"Python: {sys.version.split()[0]} at {sys.executable}.",
        "CPU reference loop (lower is faster), fastest-slowest of 5, before / after the in-process "
        f"timings: {reference[0][0]}-{reference[0][1]} / {reference[1][0]}-{reference[1][1]} ms.",
        "",
        "Server time uncached, in ms: CPU time of the request (p50 / p95) and wall-clock time (p50 / p95).",
        "",
        "| page | queries small / large | CPU p50 / p95 | wall p50 / p95 | cached req/s | static req/s | ratio | HTML + CSS gzip | verdict |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for page in pages:
        if page.get("status") != 200:
            lines.append(f"| {page['page']} | status {page.get('status')} | | | | | | | FAIL |")
            continue
        flags = verdicts(page, small.get(page["page"], {}))
        size = (page["html_gzip"] + page["css_gzip"]) / 1024
        lines.append(
            f"| {page['page']} | {small.get(page['page'], {}).get('queries')} / {page['queries']} "
            f"| {page['cpu_p50_ms']} / {page['cpu_p95_ms']} | {page['p50_ms']} / {page['p95_ms']} "
            f"| {page.get('cached_rps', '')} | {page.get('static_rps', '')} "
            f"| {page.get('ratio', '')} | {size:.1f} KB | {'; '.join(flags) or 'ok'} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fresh", action="store_true", help="regenerate the data sets")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per page (in-process)")
    parser.add_argument("--duration", type=int, default=9, help="seconds of wrk per page and per static file")
    parser.add_argument("--no-load", action="store_true", help="skip gunicorn + wrk")
    args = parser.parse_args()
    ensure_data(fresh=args.fresh)
    load_before = os.getloadavg()[0]
    print("Measuring in-process (page cache off) …", flush=True)
    small_pages = measure("small", repeat=3)
    reference = [cpu_reference_ms()]
    pages = measure("large", repeat=args.repeat)
    reference.append(cpu_reference_ms())
    if not args.no_load:
        same_size_static(pages)
        print("Serving the large set with gunicorn; wrk per page …", flush=True)
        serve_and_load(pages, args.duration)
    table = report(pages, small_pages, load_before, os.getloadavg()[0], reference)
    print()
    print(table)
    slow = [p for p in pages if p.get("slowest_query_ms", 0) > 10]
    if slow:
        print("\nSlowest query per page, where over 10 ms:")
        for page in slow:
            print(f"- {page['page']}: {page['slowest_query_ms']} ms: {page['slowest_query']}")
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(
        json.dumps(
            {
                "when": time.strftime("%Y-%m-%d %H:%M"),
                "cpu_reference_ms": reference,
                "small": small_pages,
                "large": pages,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    (OUT / "results.md").write_text(table + "\n")
    print(f"\nWritten: {OUT / 'results.md'} and results.json")


if __name__ == "__main__":
    main()
