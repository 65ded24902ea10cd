"""Admin logins are locked after AXES_FAILURE_LIMIT failures, with a clear page in Chinese."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from reliefsite.core.lockout import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def attempt(client, username="editor", password="wrong", **extra):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, **extra)


def test_fifth_failure_locks_out_even_the_right_password(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = attempt(client)
        assert response.status_code == 200  # the login form again, with its error
    locked = attempt(client)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "登录已暂时锁定" in page
    assert "连续 5 次登录失败" in page
    assert "60 分钟后再试" in page
    # In the admin's own frame: its header and style sheets.
    assert "工会抗疫信息发布 · 管理" in page
    assert "admin/css/login.css" in page
    assert "Content-Security-Policy" in locked

    right = attempt(client, password=PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_username_is_locked_from_other_addresses_too(editor):
    for n in range(5):
        attempt(Client(REMOTE_ADDR=f"203.0.113.{n + 1}"))
    assert attempt(Client(REMOTE_ADDR="198.51.100.7"), password=PASSWORD).status_code == 429


def test_an_address_is_locked_whatever_usernames_it_tries(editor):
    attacker = Client(REMOTE_ADDR="203.0.113.50")
    for n in range(5):
        attempt(attacker, username=f"guess{n}")
    assert attempt(attacker, password=PASSWORD).status_code == 429
    # Someone else, elsewhere, still logs in.
    assert attempt(Client(REMOTE_ADDR="198.51.100.8"), password=PASSWORD).status_code == 302


def test_behind_a_proxy_the_visitor_address_counts_not_the_proxy(settings):
    settings.PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    # The right-most entry is what our proxy saw; the forged left part is ignored.
    assert client_ip(request) == "203.0.113.9"
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
