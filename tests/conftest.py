import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


def pytest_sessionstart(session):
    """The English pages need locale/en's .mo (gitignored; `make setup` builds it). Build it here too
    when missing or older than the .po, so a bare `pytest` after editing the .po works. This runs
    before any test activates English, so the catalog is read after it is written."""
    po = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        call_command("compilemessages", locale=["en"], ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs collectstatic; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language(settings):
    # A test that switches to English must not leave the next test's messages in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _private_page_cache(settings):
    # The default page cache is a file cache shared by every process of this checkout; tests get
    # their own in-memory one so a server or test run next door cannot empty it half-way through.
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            **settings.CACHES["pages"],
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-pages",
        },
    }


@pytest.fixture(autouse=True)
def _fresh_cache(_private_page_cache):
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def seeded(db):
    """The published seed data set from seeds/, as `make run` loads it."""
    call_command("load_seeds", verbosity=0)
