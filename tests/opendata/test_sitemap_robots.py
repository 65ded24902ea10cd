"""sitemap.xml, an index of sections, lists every public page (in both interface languages) and
nothing else; robots.txt points at it."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.opendata.endpoints import ENDPOINTS
from reliefsite.opendata.sitemaps import I18nSitemap
from reliefsite.organizations.models import Organization
from reliefsite.sources.models import Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PAGES = ["core:home", "actions:list", "organizations:list", "campaigns:list", "hotlines:list", "sources:list"]


def expected_paths():
    records = [
        *Action.objects.published(),
        *Campaign.objects.published(),
        *Hotline.objects.published(),
        *Organization.objects.all(),
        *Source.objects.all(),
    ]
    paths = set()
    for language in ("zh-hans", "en"):
        with translation.override(language):
            paths |= {r.get_absolute_url() for r in records}
            paths |= {reverse(name) for name in [*PAGES, "opendata_docs:index"]}
            paths |= {reverse(f"opendata_docs:{name}") for name in ENDPOINTS}
            paths |= {reverse("campaigns:reports", args=[c.slug]) for c in Campaign.objects.published()}
    return paths


def fetch(client, url):
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return response


def section_urls(client):
    """/sitemap.xml is an index: each of its entries is one page of a section, which lists the pages."""
    index = ET.fromstring(fetch(client, "/sitemap.xml").content)
    entries = index.findall("sm:sitemap", NS)
    assert entries
    for entry in entries:
        assert entry.findtext("sm:lastmod", namespaces=NS)
    return [entry.findtext("sm:loc", namespaces=NS) for entry in entries]


def sitemap_bodies(client):
    return [fetch(client, url).content for url in section_urls(client)]


def all_urls(client):
    return [url for body in sitemap_bodies(client) for url in ET.fromstring(body).findall("sm:url", NS)]


def test_sitemap_is_an_index_of_sections(client):
    sections = section_urls(client)
    assert "http://testserver/sitemap-actions.xml" in sections
    assert "http://testserver/sitemap-pages.xml" in sections
    assert client.get("/sitemap-nonsense.xml").status_code == 404
    assert client.get("/sitemap-actions.xml?p=999").status_code == 404
    assert client.get("/sitemap-actions.xml?p=abc").status_code == 404


def test_long_sections_are_split_into_pages(client, drafts, monkeypatch):
    monkeypatch.setattr(I18nSitemap, "limit", 3)
    sections = section_urls(client)
    assert "http://testserver/sitemap-actions.xml?p=2" in sections
    locations = [u.findtext("sm:loc", namespaces=NS) for u in all_urls(client)]
    assert len(locations) == len(set(locations))
    assert {loc.removeprefix("http://testserver") for loc in locations} == expected_paths()


def test_sitemap_lists_every_public_page_in_both_languages(client, drafts):
    urls = all_urls(client)
    locations = [u.findtext("sm:loc", namespaces=NS) for u in urls]
    assert len(locations) == len(set(locations))
    assert {loc.removeprefix("http://testserver") for loc in locations} == expected_paths()
    assert "http://testserver/en/actions/" in locations
    for url in urls:
        assert url.findtext("sm:lastmod", namespaces=NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert set(alternates) == {"zh-hans", "en", "x-default"}
        assert alternates["x-default"] == alternates["zh-hans"]
        assert url.findtext("sm:loc", namespaces=NS) in (alternates["zh-hans"], alternates["en"])


def test_sitemap_has_no_drafts(client, drafts):
    body = b"".join(sitemap_bodies(client)).decode()
    for slug in ("draft-action", "draft-campaign", "draft-hotline"):
        assert slug not in body
    assert "/organizations/draft-test-union/" in body  # organizations have no drafts


def test_lastmod_follows_the_record(client):
    action = Action.objects.published().first()
    loc = f"http://testserver{action.get_absolute_url()}"
    url = next(u for u in all_urls(client) if u.findtext("sm:loc", namespaces=NS) == loc)
    # The sitemap gives the day in the site's time zone, which may already be tomorrow in UTC.
    assert url.findtext("sm:lastmod", namespaces=NS) == timezone.localdate(action.updated_at).isoformat()


def test_a_sample_of_listed_pages_exist(client):
    """One page of each kind, in both languages: the sitemap points at real pages."""
    locations = [u.findtext("sm:loc", namespaces=NS) for u in all_urls(client)]
    sample = {}
    for loc in locations:
        path = loc.removeprefix("http://testserver")
        parts = path.strip("/").split("/")
        kind = (parts[0] == "en", parts[1] if parts[0] == "en" and len(parts) > 1 else parts[0], len(parts))
        sample.setdefault(kind, path)
    for path in sample.values():
        assert client.get(path).status_code == 200, path


def test_robots_txt(client, settings):
    settings.ADMIN_URL = "staff-7f3c/"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert not any("staff-7f3c" in line for line in lines), "robots.txt must not reveal the admin path"
    assert "Disallow: /data/*?page=" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_points_at_the_requests_own_host(client):
    response = client.get("/robots.txt", headers={"host": "localhost"}, secure=True)
    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode().splitlines()
