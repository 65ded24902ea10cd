"""Editors and publishers for the admin tests, and logging them in through the real login form."""

from importlib import import_module

from django.contrib.auth.models import Group, Permission, User

from .pages import admin_path

PASSWORD = "a-long-test-passphrase-1"
# The roles come from a data migration, which every transactional test's flush undoes: rebuild
# them from the migration's own list of permissions, so the tests check the roles as shipped.
ROLES = import_module("reliefsite.core.migrations.0001_roles")
EDITORS = ROLES.EDITORS
PUBLISHERS = ROLES.PUBLISHERS


def role(name):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        editors, publishers = ROLES.codenames()
        wanted = editors if name == EDITORS else publishers
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
        )
    return group


def staff_user(username, group_name):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(role(group_name))
    return user


def log_in(page, username):
    page.goto(admin_path("login"))
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"**{admin_path('index')}")
