"""The public page cache: hits, invalidation on every kind of edit, language, staff, what is never stored.

Each test runs against local memory and, when REDIS_TEST_URL is set, against a real Redis server.
"""

import datetime

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from reliefsite.actions.models import Action
from reliefsite.core import cache as page_cache
from reliefsite.core import signals
from reliefsite.core.middleware import PageCacheFetchMiddleware, PageCacheUpdateMiddleware
from reliefsite.publishing import Status
from tests.factories import make_action, make_organization

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_second_request_is_served_from_the_cache(client, cache_backend, django_assert_num_queries):
    make_action(title="朝阳区总工会慰问环卫工人")
    first = get(client, "/actions/")
    with django_assert_num_queries(0):
        second = client.get("/actions/")
    assert second.content.decode() == first
    assert "朝阳区总工会慰问环卫工人" in first
    assert "Age" in second  # computed on a hit
    assert "max-age=" in second["Cache-Control"]


def test_saving_content_invalidates_the_cached_page(client, cache_backend):
    action = make_action(title="旧标题慰问行动")
    assert "旧标题慰问行动" in get(client, "/actions/")
    action.title = "新标题慰问行动"
    action.save()
    page = get(client, "/actions/")
    assert "新标题慰问行动" in page and "旧标题慰问行动" not in page


@pytest.mark.django_db(transaction=True)
def test_invalidation_runs_again_at_commit_once_per_transaction(client, cache_backend, monkeypatch):
    action = make_action(title="提交前的标题")
    get(client, "/actions/")
    calls = []
    real = signals.invalidate_pages
    monkeypatch.setattr(signals, "invalidate_pages", lambda: calls.append(1) or real())
    with transaction.atomic():
        action.title = "提交后的标题"
        action.save()
        action.summary = "改了摘要。"
        action.save()
        during = len(calls)
    assert during == 2  # at once, for each save
    assert len(calls) == during + 1  # and once more at commit, however many rows were written
    assert "提交后的标题" in get(client, "/actions/")


def test_unpublishing_removes_the_page_for_the_public(client, cache_backend):
    action = make_action(title="将被撤下的行动")
    url = action.get_absolute_url()
    assert "将被撤下的行动" in get(client, url)
    action.status = Status.DRAFT
    action.save()
    assert client.get(url).status_code == 404
    assert "将被撤下的行动" not in get(client, "/actions/")


def test_many_to_many_change_and_delete_invalidate(client, cache_backend):
    action = make_action(title="多对多测试行动")
    new_org = make_organization(name="新加入的街道工会")
    url = action.get_absolute_url()
    get(client, url)
    action.organizations.add(new_org)
    assert "新加入的街道工会" in get(client, url)
    get(client, "/actions/")
    Action.objects.filter(pk=action.pk).delete()
    assert "多对多测试行动" not in get(client, "/actions/")


def test_an_edit_reaches_other_processes_through_the_shared_generation(client, cache_backend, monkeypatch):
    """Another gunicorn worker keeps its own local-memory entries: the generation must move anyway."""
    action = make_action(title="别的进程里缓存的标题")
    get(client, "/actions/")
    before = page_cache.page_generation()
    # Pretend the save happened in another worker: this process's entries are not cleared.
    monkeypatch.setattr(page_cache.page_cache(), "clear", lambda: None)
    action.title = "另一个进程保存的标题"
    action.save()
    assert page_cache.page_generation() != before
    assert "另一个进程保存的标题" in get(client, "/actions/")


def test_each_language_has_its_own_entry(client, cache_backend, django_assert_num_queries):
    make_action()
    chinese = get(client, "/actions/")
    english = get(client, "/en/actions/")
    assert 'lang="zh-Hans"' in chinese and 'lang="en"' in english
    with django_assert_num_queries(0):
        assert client.get("/en/actions/").content.decode() == english
        assert client.get("/actions/").content.decode() == chinese
    # The URL alone decides the language, so the entry does not split by Accept-Language.
    with django_assert_num_queries(0):
        assert client.get("/actions/", HTTP_ACCEPT_LANGUAGE="en").content.decode() == chinese


def test_editor_requests_bypass_the_cache_and_are_private(client, cache_backend, editor):
    draft = make_action(title="尚未发布的草稿行动", status=Status.DRAFT)
    url = draft.get_absolute_url()
    staff = Client()
    staff.force_login(editor)
    preview = staff.get(url)
    assert preview.status_code == 200 and "尚未发布的草稿行动" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    # The public never gets the editor's preview, not even once it has been rendered.
    assert client.get(url).status_code == 404
    # An editor looking at a public page neither fills nor reads the shared cache.
    staff.get("/actions/")
    response = staff.get("/actions/")
    assert "private" in response["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        client.get("/actions/")
    assert len(queries) > 0  # a miss: the editor's render was not stored


def test_anonymous_cookies_share_the_cached_page(client, cache_backend, django_assert_num_queries):
    make_action()
    page = get(client, "/actions/")
    other = Client(HTTP_COOKIE="csrftoken=abc; _pk_id=1")
    with django_assert_num_queries(0):
        assert other.get("/actions/").content.decode() == page


def test_admin_health_and_errors_are_never_cached(client, cache_backend, editor):
    assert client.get("/actions/no-such-action/").status_code == 404
    make_action(slug="no-such-action", title="后来补上的行动")
    assert client.get("/actions/no-such-action/").status_code == 200
    client.force_login(editor)
    assert "no-cache" in client.get("/admin/")["Cache-Control"]
    assert "no-cache" in Client().get("/healthz")["Cache-Control"]


def _middleware_pair(view_response):
    fetch = PageCacheFetchMiddleware(lambda request: view_response)
    return PageCacheUpdateMiddleware(fetch)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda r: r.set_cookie("tracking", "x"), id="sets-a-cookie"),
        pytest.param(lambda r: r.headers.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda r: r.headers.__setitem__("Cache-Control", "no-store"), id="no-store"),
        pytest.param(lambda r: r.headers.__setitem__("Cache-Control", "max-age=0"), id="max-age-0"),
        pytest.param(lambda r: r.headers.__setitem__("Vary", "*"), id="vary-star"),
        pytest.param(lambda r: setattr(r, "status_code", 302), id="redirect"),
    ],
)
def test_responses_that_must_not_be_shared_are_not_stored(page_cache, mutate):
    response = HttpResponse("private-ish")
    mutate(response)
    chain = _middleware_pair(response)
    chain(RequestFactory().get("/actions/"))
    assert PageCacheFetchMiddleware(None).fetch(RequestFactory().get("/actions/")) is None


def test_view_max_age_sets_the_lifetime_capped_at_cache_seconds(page_cache, settings, time_machine):
    time_machine.move_to(datetime.datetime(2020, 2, 5, 12, tzinfo=datetime.UTC), tick=False)
    short = HttpResponse("short")
    short["Cache-Control"] = "max-age=30"
    _middleware_pair(short)(RequestFactory().get("/hotlines/"))
    long = HttpResponse("long")
    long["Cache-Control"] = f"max-age={settings.CACHE_MIDDLEWARE_SECONDS * 100}"
    _middleware_pair(long)(RequestFactory().get("/"))
    assert "max-age=300" in long["Cache-Control"]

    fetch = PageCacheFetchMiddleware(None).fetch
    time_machine.shift(29)
    assert fetch(RequestFactory().get("/hotlines/")).content == b"short"
    time_machine.shift(2)
    assert fetch(RequestFactory().get("/hotlines/")) is None
    time_machine.shift(settings.CACHE_MIDDLEWARE_SECONDS)
    assert fetch(RequestFactory().get("/")) is None


def test_page_cache_can_be_switched_off(client, page_cache, settings):
    settings.PAGE_CACHE = False
    make_action()
    get(client, "/actions/")
    with CaptureQueriesContext(connection) as queries:
        get(client, "/actions/")
    assert len(queries) > 0
