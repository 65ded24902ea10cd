"""Atom feeds parse, list only published items and filter by district and organization."""

import xml.etree.ElementTree as ET

import pytest

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import TotalReport
from reliefsite.publishing import Status

from .conftest import DRAFT_MARKERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    for marker in DRAFT_MARKERS:
        assert marker not in body, (url, marker)
    feed = ET.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("atom:title", namespaces=ATOM)
    return feed


def entry_links(feed):
    return [
        entry.find("atom:link[@rel='alternate']", ATOM).get("href")
        for entry in feed.findall("atom:entry", ATOM)
    ]


def action_links(queryset):
    return {f"http://testserver{a.get_absolute_url()}" for a in queryset}


def test_actions_feed_lists_the_published_actions(client, drafts):
    feed = parse(client, "/feeds/actions/")
    links = entry_links(feed)
    published = Action.objects.published()
    assert len(links) == min(50, published.count())
    assert set(links) <= action_links(published)
    entry = feed.find("atom:entry", ATOM)
    for tag in ("atom:id", "atom:updated", "atom:published", "atom:summary", "atom:author/atom:name"):
        assert entry.findtext(tag, namespaces=ATOM), tag


def test_district_feed_has_exactly_that_districts_actions(client, drafts):
    drafts["action"].district = "mentougou"
    drafts["action"].save()
    feed = parse(client, "/feeds/actions/district/mentougou/")
    expected = action_links(Action.objects.published().filter(district="mentougou"))
    assert expected and set(entry_links(feed)) == expected
    assert "门头沟区" in feed.findtext("atom:title", namespaces=ATOM)


def test_organization_feed_has_exactly_its_actions(client, drafts):
    feed = parse(client, "/feeds/actions/organization/mentougou-ftu/")
    expected = action_links(Action.objects.published().filter(organizations__slug="mentougou-ftu"))
    assert expected and set(entry_links(feed)) == expected
    assert parse(client, "/feeds/actions/organization/draft-test-union/").findall("atom:entry", ATOM) == []


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/actions/district/atlantis/",
        "/feeds/actions/organization/no-such-union/",
        "/feeds/campaigns/no-such-campaign/",
        "/feeds/campaigns/draft-campaign/",
    ],
)
def test_unknown_district_organization_or_campaign_is_404(client, drafts, url):
    assert client.get(url).status_code == 404


def test_campaign_feed_lists_each_published_total(client, drafts):
    feed = parse(client, "/feeds/campaigns/")
    titles = [e.findtext("atom:title", namespaces=ATOM) for e in feed.findall("atom:entry", ATOM)]
    published = TotalReport.objects.published().filter(campaign__status=Status.PUBLISHED)
    assert len(titles) == published.count()
    assert "温暖武汉：截至2020年2月6日下午累计1698万元，96596名捐款人" in titles
    assert "温暖武汉：截至2020年2月3日17:00累计695.74万余元，4.4万多名捐款人" in titles
    ids = [e.findtext("atom:id", namespaces=ATOM) for e in feed.findall("atom:entry", ATOM)]
    assert len(set(ids)) == len(ids)
    one = parse(client, "/feeds/campaigns/warm-wuhan/")
    assert len(one.findall("atom:entry", ATOM)) == 2
    live = parse(client, "/feeds/campaigns/live-campaign/")
    assert len(live.findall("atom:entry", ATOM)) == 1  # its draft total is not there
