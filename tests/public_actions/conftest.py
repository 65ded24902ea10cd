import pytest
from django.contrib.auth.models import Permission, User


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
