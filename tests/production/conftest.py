"""Fixtures for the production-readiness tests: the page cache on (local memory, and Redis when
REDIS_TEST_URL names a server), production security settings, an editor."""

import json
import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_TEST_URL", "")
NO_REDIS = "REDIS_TEST_URL is not set: no Redis server to test the page cache against (.ci/run starts one)"


def production_env(**extra):
    """The environment of a production start: DEBUG off, a real key and host name."""
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' harness switch, never a production setting.
        if key
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="relief.example.org",
        DJANGO_SETTINGS_MODULE="reliefsite.settings",
    )
    env.update(extra)
    return env


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def run_python(code, env):
    """Python code in a fresh process, as a production start would run it."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "X_FRAME_OPTIONS",
    "PERMISSIONS_POLICY",
]


@pytest.fixture(scope="session")
def production_settings():
    """The security settings as a production start computes them (read in a fresh process)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = run_python(code, env=production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    values.pop("DEBUG")
    return values


@pytest.fixture
def production(settings, production_settings):
    """Apply the production security settings to this test (requests then go over https)."""
    for name, value in production_settings.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["relief.example.org", "testserver"]
    return settings


@pytest.fixture
def page_cache(settings, tmp_path):
    """The public page cache switched on, as in production."""
    settings.PAGE_CACHE = True
    caches["pages"].clear()
    return settings


def _redis_pages(settings):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 300,
        },
    }
    return prefix


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def cache_backend(request, page_cache, settings):
    """Runs a test once on local memory and once on Redis (skipped without REDIS_TEST_URL)."""
    if request.param == "locmem":
        yield "locmem"
        return
    if not REDIS_URL:
        pytest.skip(NO_REDIS)
    prefix = _redis_pages(settings)
    yield "redis"
    client = caches["pages"]._cache.get_client(None, write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.org", "correct horse battery staple")


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Login tests hash passwords dozens of times; the real hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
