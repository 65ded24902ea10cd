"""404, 400 and 500 pages: in the site's style and language; 400 and 500 need no request or database."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults


@pytest.mark.django_db
def test_404_in_chinese(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "<h1>页面不存在</h1>" in html
    assert 'href="/hotlines/"' in html and 'href="/static/css/site.css"' in html


@pytest.mark.django_db
def test_404_in_english(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html
    assert 'href="/en/hotlines/"' in html


@pytest.mark.django_db
def test_404_for_a_missing_action_uses_the_site_page(client):
    html = client.get("/en/actions/no-such-action/").content.decode()
    assert "<h1>Page not found</h1>" in html


def test_500_renders_without_request_or_database():
    # No django_db mark: any query here would fail the test.
    with translation.override("zh-hans"):
        html = render_to_string("500.html")
    assert "<h1>服务器出错</h1>" in html and 'href="tel:12351"' in html and 'href="/"' in html
    with translation.override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en">' in html and "<h1>Server error</h1>" in html and 'href="/en/"' in html


def test_500_and_400_handlers():
    request = RequestFactory().get("/")
    with translation.override("zh-hans"):
        response = defaults.server_error(request)
        assert response.status_code == 500
        assert "服务器出错" in response.content.decode()
        response = defaults.bad_request(request, Exception("bad"))
        assert response.status_code == 400
        assert "<h1>请求无效</h1>" in response.content.decode()


def test_bad_host_gets_the_400_page(client):
    response = client.get("/actions/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "<h1>请求无效</h1>" in response.content.decode()
