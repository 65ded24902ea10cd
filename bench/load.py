"""The load run (`make load`): 60 s at 64 connections with wrk against the mixed public pages of the
large data set, served by gunicorn as in production. Passes only with zero errors: every response
2xx/3xx and no socket errors. Prints latency percentiles; writes bench/out/load.txt.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, ROOT, ensure_data, gunicorn, wrk

# The public pages, as a crowd would hit them after a hotline is announced: mostly the hotlines
# and the home page, both languages, lists and details, open data, a static file, the health check.
# mixed.lua adds a fresh, uncached query string every BUST_EVERY requests. The sitemap index, a
# sitemap section and the open-data pages are in since they are bounded (bench/RESULTS.md).
PATHS = """
/
/hotlines/
/hotlines/
/en/
/en/hotlines/
/hotlines/hotline-1/
/hotlines/hotline-2/
/actions/
/actions/?page=2
/actions/?district=chaoyang
/actions/?category=goods
/actions/action-1/
/actions/action-2/
/en/actions/action-3/
/organizations/
/organizations/org-1/
/campaigns/
/campaigns/campaign-0/
/campaigns/campaign-0/reports/
/en/campaigns/campaign-1/
/actions/?q=%E6%85%B0%E9%97%AE%E8%81%8C%E5%B7%A5
/sources/
/sources/source-1/
/data/
/data/campaigns/
/data/hotlines.json
/sitemap.xml
/sitemap-actions.xml?p=3
/robots.txt
/static/css/site.css
/healthz
"""


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--warmup", type=int, default=15, help="seconds of the same mix first, not counted")
    args = parser.parse_args()
    ensure_data(names=["large"])
    urls = OUT / "urls.txt"
    urls.write_text(PATHS.strip() + "\n")
    os.environ["URLS"] = str(urls)
    with gunicorn("large") as base:
        # Each gunicorn worker keeps its own local-memory page cache: fill them all first, with few
        # connections so no queue of abandoned requests builds up.
        wrk(base, duration=args.warmup, connections=4, threads=1, script=ROOT / "bench" / "mixed.lua")
        print(
            f"wrk: {args.duration} s, {args.connections} connections, {base}, load average {os.getloadavg()[0]:.2f}"
        )
        print(f"Python {sys.version.split()[0]} at {sys.executable}")
        result = wrk(
            base,
            duration=args.duration,
            connections=args.connections,
            script=ROOT / "bench" / "mixed.lua",
            latency=True,
        )
    print(result["raw"])
    (OUT / "load.txt").write_text(result["raw"])
    errors = result["non_2xx_3xx"] + result["socket_errors"] + (result["requests"] == 0)
    print(f"{result['requests']} requests, {result['rps']:.0f}/s, errors: {errors}")
    if errors:
        sys.exit(
            f"FAIL: {result['non_2xx_3xx']} responses not 2xx/3xx, {result['socket_errors']} socket errors"
        )
    print("PASS: zero errors")


if __name__ == "__main__":
    main()
