"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

One browser (pytest-playwright's session `browser`) and one live server thread serve the whole run;
each test gets a fresh browser context and loads the seed data itself (`site`, about 2 s), because
the live server needs a transactional database, which is emptied after every test. So the tests
are few and each walks through many pages.
"""

import os

import pytest

from tools.chromium import CHROMIUM, CHROMIUM_ARGS, PHONE, chromium_available

# Playwright's sync API keeps an asyncio loop in this thread, and Django refuses ORM calls from a
# thread with a running loop. The calls here are plain synchronous ones, so that check is moot.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SKIP_REASON = f"Chromium not found at {CHROMIUM}: browser tests skipped"


def pytest_collection_modifyitems(config, items):
    if chromium_available():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and SKIP_REASON in str(report.longrepr[2])
    ]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} browser tests NOT RUN. {SKIP_REASON}.", yellow=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright cannot download its own browser here; it adds --headless itself.
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    # pytest-playwright gives every new browser context this base, so tests can goto("/hotlines/").
    # Depending on live_server also makes pytest-django give each test a transactional database.
    return live_server.url


@pytest.fixture
def site(live_server):
    """The live server's address, with the seed data loaded (the database is emptied after each test)."""
    from django.core.management import call_command

    call_command("load_seeds", verbosity=0)
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone by default (375 px wide); tests that need the desktop ask for DESKTOP."""
    return {
        **browser_context_args,
        "viewport": PHONE,
        "locale": "zh-CN",
        "timezone_id": "Asia/Shanghai",
    }
