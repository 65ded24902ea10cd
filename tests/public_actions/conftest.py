import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.utils.translation import trans_real


@pytest.fixture
def no_page_cache(settings):
    """Query counts and repeated requests must measure the views, not the shared page cache."""
    settings.PAGE_CACHE = False


@pytest.fixture
def staff_client(client, db):
    """A signed-in editor who may view (and so preview) relief actions."""
    user = User.objects.create_user("editor", password="x-not-used", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_action"))
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The English pages need locale/en's .mo (gitignored; `make setup` builds it). Build it here
    too when missing or older than the .po, so running pytest alone after editing it works."""
    po = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        call_command("compilemessages", locale=["en"], ignore_patterns=[".venv"], verbosity=0)
        # Catalogs loaded before the .mo existed are cached per process; drop them.
        trans_real._translations = {}
        trans_real._default = None
