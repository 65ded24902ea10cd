"""Security headers on every kind of response, with the settings a production start computes."""

import re

import pytest
from django.urls import reverse

from reliefsite.core.middleware import ADMIN_CSP_UPDATE

from .content import DATA_PAGES, make_site

pytestmark = pytest.mark.django_db

EXPECTED = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def assert_security_headers(response, where, admin=False):
    for header, value in EXPECTED.items():
        assert response.get(header) == value, (where, header, response.get(header))
    csp = response.get("Content-Security-Policy", "")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives.get("default-src") == "'self'", (where, csp)
    assert directives.get("frame-ancestors") == "'none'", (where, csp)
    assert directives.get("object-src") == "'none'", (where, csp)
    styles, scripts = directives.get("style-src", ""), directives.get("script-src", "")
    if admin:  # the admin-only exception: exactly the hashed third-party attributes
        styles = styles.replace(" " + " ".join(ADMIN_CSP_UPDATE["style-src"]), "")
        scripts = scripts.replace(" " + " ".join(ADMIN_CSP_UPDATE["script-src"]), "")
    assert styles == "'self'", (where, csp)
    assert re.fullmatch(r"'self'( 'nonce-[A-Za-z0-9+/=]+')?", scripts), (where, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, (where, csp)


def test_every_public_page_has_the_headers_also_when_cached(client, production, page_cache):
    for url in make_site() + DATA_PAGES:
        for attempt in ("first", "cached"):
            response = client.get(url, secure=True)
            assert response.status_code == 200, (url, response.status_code)
            assert_security_headers(response, f"{url} ({attempt})")


@pytest.mark.parametrize("url", ["/actions/no-such-action/", "/en/no-such-page/", "/no-such-page"])
def test_not_found_pages_have_the_headers(client, production, url):
    response = client.get(url, secure=True)
    assert response.status_code == 404
    assert_security_headers(response, url)


def test_admin_pages_have_the_headers(client, production, editor):
    login = reverse("admin:login")
    assert_security_headers(client.get(login, secure=True), login, admin=True)
    client.force_login(editor)
    for url in [reverse("admin:index"), reverse("admin:actions_action_changelist")]:
        response = client.get(url, secure=True)
        assert response.status_code == 200
        assert_security_headers(response, url, admin=True)


def test_plain_http_is_redirected_to_https_except_the_health_check(client, production):
    response = client.get("/actions/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/actions/"
    assert client.get("/healthz").status_code == 200


def test_cookies_are_secure_and_http_only(client, production, editor):
    login = reverse("admin:login")
    page = client.get(login, secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    response = client.post(
        login,
        {"username": "editor", "password": "correct horse battery staple", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


def test_admin_lives_at_admin_url(settings):
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"
