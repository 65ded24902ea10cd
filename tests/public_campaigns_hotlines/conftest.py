import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import caches


def max_age(response):
    match = re.search(r"max-age=(\d+)", response["Cache-Control"])
    return int(match.group(1)) if match else None


def clear_page_cache():
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def staff_client(client, db):
    """A signed-in editor allowed to view campaigns and hotlines (and so to preview drafts)."""
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_campaign", "view_hotline"]))
    client.force_login(user)
    return client
