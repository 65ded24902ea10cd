"""Phone and desktop screenshots of every public page type, for the README: `make screenshots`.

Builds a throwaway SQLite database with the seed data, serves it with runserver on a free port,
photographs each page with Debian's Chromium through Playwright and writes, in docs/screenshots/:
<page>-phone.png (375 px wide) and <page>-desktop.png (1280 px), the whole page; <page>-phone-top.png
and <page>-desktop-top.png, the first screen only (375x812, 1280x900), for the README; and
README.md, a gallery of them all. Nothing outside docs/screenshots/ and a temporary directory is touched.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))

from tools.chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE  # noqa: E402

SIZES = {"phone": PHONE, "desktop": DESKTOP}
LABELS = {
    "home": "Home",
    "actions-list": "Relief actions",
    "actions-filtered": "Relief actions, filtered and searched",
    "action-detail": "One relief action",
    "organizations-list": "Organizations",
    "organizations-by-district": "Organizations by district",
    "organization-detail": "One organization",
    "campaigns-list": "Campaigns",
    "campaign-detail": "One campaign: total, chart, ledger",
    "campaign-reports": "A campaign's reported totals",
    "hotlines-list": "Help hotlines",
    "hotline-detail": "One hotline",
    "sources-list": "Sources",
    "source-detail": "One source",
    "not-found": "Page not found (404)",
    "open-data": "Open data",
    "en-home": "Home, English interface",
    "en-actions-list": "Relief actions, English interface",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(url, server, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped (exit {server.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    sys.exit(f"The server did not answer at {url} within {seconds} s.")


def page_list(env):
    """The same page types the browser tests check (tests/browser/pages.py)."""
    os.environ.update(env)
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    import django

    django.setup()
    from browser.pages import public_pages

    return public_pages()


def photograph(base_url, pages):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai")
            page = context.new_page()
            for name, path in pages:
                page.goto(base_url + path, wait_until="load")
                target = OUT / f"{name}-{size}.png"
                page.screenshot(path=target, full_page=True)
                page.screenshot(path=OUT / f"{name}-{size}-top.png")
                print(f"{target.relative_to(ROOT)}  {path}")
            context.close()
        browser.close()


def has_chinese_font():
    """Without a CJK font Chromium draws every Chinese character as an empty box."""
    try:
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return False
    return bool(found.stdout.strip())


def gallery(pages, prefix=""):
    """A Markdown table of first screens, each linking to its whole page."""
    rows = [
        "| Page | Phone (375 px) | Desktop (1280 px) |",
        "| --- | --- | --- |",
    ]
    for name, path in pages:
        cells = []
        for size, width in (("phone", 160), ("desktop", 400)):
            alt = f"{LABELS.get(name, name)}, {size}"
            cells.append(
                f'<a href="{prefix}{name}-{size}.png"><img src="{prefix}{name}-{size}-top.png" '
                f'width="{width}" alt="{alt}"></a>'
            )
        rows.append(f"| {LABELS.get(name, name)}<br>`{path}` | {cells[0]} | {cells[1]} |")
    return "\n".join(rows) + "\n"


def write_index(pages):
    (OUT / "README.md").write_text(
        "# Screenshots\n\n"
        "Made by `make screenshots` from the seed data: the first screen of each page type on a phone and "
        "a desktop; click one for the whole page.\n\n" + gallery(pages),
        encoding="utf-8",
    )


def main():
    if not CHROMIUM.exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM.")
    if not has_chinese_font():
        sys.exit(
            "No Chinese font installed, so the screenshots would show boxes: apt-get install fonts-noto-cjk"
        )
    workdir = Path(tempfile.mkdtemp(prefix="reliefsite-screenshots-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "reliefsite.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DEBUG": "True",
        "PAGE_CACHE_STAMP": str(workdir / "pages.stamp"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    server = None
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_seeds", "-v", "0")
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base_url}/healthz", server)
        pages = page_list(env)
        photograph(base_url, pages)
        write_index(pages)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Screenshots written to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
