"""Production start: `check --deploy` is clean, and a start without a real key or hosts is refused."""

import json

import pytest

from .conftest import production_env, run_manage, run_python


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY must be set"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must list the site's host names"),
    ],
    ids=["no-key", "short-key", "insecure-key", "no-hosts"],
)
def test_production_start_is_refused_without_real_key_and_hosts(env, message):
    environment = production_env(**env)
    if not env.get("SECRET_KEY", "x"):
        del environment["SECRET_KEY"]
    if not env.get("ALLOWED_HOSTS", "x"):
        del environment["ALLOWED_HOSTS"]
    result = run_manage("check", env=environment)
    assert result.returncode != 0
    assert message in result.stderr
    # gunicorn imports the WSGI application: refused the same way.
    wsgi = run_python("import reliefsite.wsgi", env=environment)
    assert wsgi.returncode != 0 and message in wsgi.stderr


def test_admin_moves_to_admin_url():
    code = (
        "import django; django.setup(); from django.urls import resolve, reverse; "
        "from django.urls.exceptions import Resolver404\n"
        "print(reverse('admin:index'))\n"
        "try:\n    resolve('/admin/'); print('admin still at /admin/')\n"
        "except Resolver404:\n    print('gone')"
    )
    result = run_python(code, env=production_env(ADMIN_URL="staff-7f3c/"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/staff-7f3c/", "gone"]


def _caches(**env):
    code = "import json, django; django.setup(); from django.conf import settings; print(json.dumps(settings.CACHES))"
    result = run_python(code, env=production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pages_follow_cache_url_to_redis_under_their_own_prefix():
    # One server: pages in Django's file cache, which all gunicorn workers of the host share.
    local = _caches()
    assert local["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert local["default"]["BACKEND"].endswith("LocMemCache")
    shared = _caches(CACHE_URL="redis://127.0.0.1:6399/0")
    assert (
        shared["default"]["BACKEND"]
        == shared["pages"]["BACKEND"]
        == "django.core.cache.backends.redis.RedisCache"
    )
    assert shared["pages"]["LOCATION"] == "redis://127.0.0.1:6399/0"
    assert shared["pages"]["KEY_PREFIX"] == "pages"
    separate = _caches(CACHE_URL="redis://127.0.0.1:6399/0", PAGE_CACHE_URL="redis://127.0.0.1:6399/1")
    assert separate["pages"]["LOCATION"] == "redis://127.0.0.1:6399/1"


def test_gunicorn_workers_freeze_the_loaded_application():
    """gunicorn.conf.py's post_worker_init runs once a worker has imported the application; after it,
    the loaded project is out of the garbage collector's full collections."""
    code = (
        "import gc, json, runpy\n"
        "hooks = runpy.run_path('gunicorn.conf.py')\n"
        "import reliefsite.wsgi\n"  # what a worker loads before post_worker_init
        "before = gc.get_freeze_count()\n"
        "hooks['post_worker_init'](None)\n"
        "print(json.dumps([before, gc.get_freeze_count(), len(gc.get_objects())]))"
    )
    result = run_python(code, env=production_env())
    assert result.returncode == 0, result.stderr
    before, frozen, still_collected = json.loads(result.stdout)
    assert before == 0
    assert frozen > 50_000  # Django and the project: tens of thousands of objects
    assert still_collected < 1_000
