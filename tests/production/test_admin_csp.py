"""The admin works under the Content-Security-Policy: no inline script or style reaches a page except
the few hashed third-party attributes the admin-only policy allows (checked in Chromium too: the
export form's "select all" toggle runs and no violation is reported)."""

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse

from reliefsite.core.middleware import ADMIN_INLINE_SCRIPTS, ADMIN_INLINE_STYLES

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>")
STYLE_ATTRIBUTE = re.compile(r"""\sstyle=["']([^"']*)["']""")
HANDLER = re.compile(r"""\son[a-z]+=["']([^"']*)["']""")


def admin_pages():
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"admin:{info}_changelist"), reverse(f"admin:{info}_add")]
        first = model._default_manager.first()
        if first is not None:
            urls += [
                reverse(f"admin:{info}_change", args=[first.pk]),
                reverse(f"admin:{info}_history", args=[first.pk]),
            ]
        for extra in ("export", "import"):
            try:
                urls.append(reverse(f"admin:{info}_{extra}"))
            except NoReverseMatch:
                pass
    return urls


def test_admin_pages_need_no_inline_code_beyond_the_hashed_exceptions(seeded, editor):
    client = Client()
    client.force_login(editor)
    for url in admin_pages():
        response = client.get(url)
        assert response.status_code in (200, 403), (url, response.status_code)
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), url
        assert not re.search(r"<style[\s>]", html), url
        assert set(STYLE_ATTRIBUTE.findall(html)) <= set(ADMIN_INLINE_STYLES), url
        assert set(HANDLER.findall(html)) <= set(ADMIN_INLINE_SCRIPTS), url


def test_the_relaxed_policy_is_for_the_admin_only(client, editor):
    public = client.get("/")["Content-Security-Policy"]
    assert "unsafe-hashes" not in public and "sha256-" not in public
    client.force_login(editor)
    relaxed = client.get(reverse("admin:index"))["Content-Security-Policy"]
    assert "'unsafe-hashes'" in relaxed and "unsafe-inline" not in relaxed
