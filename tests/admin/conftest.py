import pytest
from django.contrib.auth.models import Group, User
from django.test import Client


def _staff(username, group=None, **extra):
    user = User.objects.create_user(
        username, f"{username}@example.org", "x-Pass-2020!", is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def superuser(db):
    return _staff("root", is_superuser=True)


@pytest.fixture
def editor(db):
    return _staff("bianji", "编辑", first_name="小王")


@pytest.fixture
def second_editor(db):
    return _staff("bianji2", "编辑", first_name="小李")


@pytest.fixture
def publisher(db):
    return _staff("fabu", "发布人", first_name="老张")


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_superuser(superuser):
    return _client(superuser)


@pytest.fixture
def as_editor(editor):
    return _client(editor)


@pytest.fixture
def as_second_editor(second_editor):
    return _client(second_editor)


@pytest.fixture
def as_publisher(publisher):
    return _client(publisher)
