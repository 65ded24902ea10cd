"""Canonical URLs, Open Graph/Twitter tags, feed links and schema.org JSON-LD on the real pages."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from tests.factories import make_campaign, make_disbursement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SCHEMA_DAYS = {"Wednesday", "Thursday"}


class Head(HTMLParser):
    """Collects <link>, <meta> and JSON-LD <script> elements."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.scripts, self._script = [], {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.metas.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = {"nonce": attrs.get("nonce"), "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    head = Head()
    head.feed(response.content.decode())
    return response, head


def link(head, **match):
    found = [lnk for lnk in head.links if all(lnk.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]["href"]


def jsonld(response, head):
    """The page's one JSON-LD block, parsed; its nonce must be the one the CSP header allows."""
    (script,) = head.scripts
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert script["nonce"] == nonce
    return json.loads(script["text"])


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actions/",
        "/organizations/",
        "/campaigns/",
        "/hotlines/",
        "/sources/",
        "/data/",
        "/data/hotlines/",
    ],
)
def test_every_page_has_canonical_open_graph_and_twitter_tags(client, path):
    response, head = page(client, path)
    canonical = link(head, rel="canonical")
    assert canonical == f"http://testserver{path}"
    assert head.metas["og:url"] == [canonical]
    assert head.metas["og:type"] == ["website"]
    assert head.metas["og:locale"] == ["zh_CN"]
    assert head.metas["og:site_name"] == ["北京工会抗疫信息"]
    assert head.metas["twitter:card"] == ["summary"]
    title = re.search(r"<title>(.*?) · ", response.content.decode()).group(1)
    assert head.metas["og:title"] == head.metas["twitter:title"] == [title]
    assert head.metas["og:description"][0]
    assert link(head, rel="alternate", hreflang="en") == f"http://testserver/en{path}"
    assert link(head, rel="alternate", hreflang="x-default") == canonical
    assert link(head, rel="alternate", type="application/atom+xml", href="/feeds/actions/")
    assert link(head, rel="alternate", type="application/atom+xml", href="/feeds/campaigns/")


def test_canonical_keeps_the_page_and_drops_filters_and_tracking(client):
    _, head = page(client, "/actions/?district=dongcheng&page=2&utm_source=wechat")
    assert link(head, rel="canonical") == "http://testserver/actions/?page=2"
    _, head = page(client, "/actions/?page=1&q=暖手宝")
    assert link(head, rel="canonical") == "http://testserver/actions/"


def test_english_pages_are_canonical_to_themselves(client):
    _, head = page(client, "/en/hotlines/")
    assert link(head, rel="canonical") == "http://testserver/en/hotlines/"
    assert head.metas["og:locale"] == ["en_US"]
    assert head.metas["og:locale:alternate"] == ["zh_CN"]
    assert head.metas["og:site_name"] != ["北京工会抗疫信息"]
    assert link(head, rel="alternate", hreflang="zh-Hans") == "http://testserver/hotlines/"
    assert link(head, rel="alternate", hreflang="x-default") == "http://testserver/hotlines/"


def test_page_titles_reach_the_sharing_tags_unescaped_once(client):
    _, head = page(client, "/organizations/mentougou-ftu/")
    assert head.metas["og:title"] == ["门头沟区总工会"]
    assert link(
        head, rel="alternate", type="application/atom+xml", href="/feeds/actions/organization/mentougou-ftu/"
    )


def test_organization_json_ld(client):
    response, head = page(client, "/organizations/beijing-ftu/")
    data = jsonld(response, head)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "北京市总工会"
    assert data["url"] == "http://testserver/organizations/beijing-ftu/"
    points = data["contactPoint"]
    assert {p["telephone"] for p in points} == {"4000151123", "4000251123"}


def test_hotline_json_ld_is_a_contact_point_with_hours(client):
    response, head = page(client, "/hotlines/bjftu-psychological-hotline/")
    data = jsonld(response, head)
    assert data["@type"] == "Organization" and data["name"] == "北京市总工会"
    point = data["contactPoint"][0]
    assert point["@type"] == "ContactPoint"
    assert point["telephone"] == "4000151123"
    assert point["contactType"] == "心理支持"
    assert point["areaServed"]["name"] == "北京市"
    assert point["availableLanguage"]["alternateName"] == "zh"
    (hours,) = point["hoursAvailable"]
    assert hours["@type"] == "OpeningHoursSpecification"
    assert set(hours["dayOfWeek"]) == SCHEMA_DAYS
    assert (hours["opens"], hours["closes"]) == ("09:00", "17:00")


def test_fixed_line_telephone_is_internationally_dialable(client):
    response, head = page(client, "/hotlines/daxing-guardian-angel-platform/")
    point = jsonld(response, head)["contactPoint"][0]
    assert point["telephone"] == "+86-10-60211688"
    assert point["areaServed"]["name"] == "北京市大兴区"
    assert "hoursAvailable" not in point  # hours not published


def test_hotline_list_json_ld_groups_lines_by_provider(client):
    response, head = page(client, "/hotlines/")
    graph = jsonld(response, head)["@graph"]
    telephones = {p["telephone"] for org in graph for p in org["contactPoint"]}
    assert telephones == {"4000151123", "4000251123", "12351", "+86-10-60211688"}


def test_campaign_json_ld_carries_totals_and_disbursements(client):
    response, head = page(client, "/campaigns/warm-wuhan/")
    graph = jsonld(response, head)["@graph"]
    project = graph[0]
    assert project["@type"] == "Project"
    assert project["name"] == "温暖武汉"
    assert project["parentOrganization"]["name"] == "北京市温暖基金会"
    assert project["identifier"]["value"] == "531100005003093113A20001"
    funding = project["funding"]
    assert funding["@type"] == "MonetaryGrant"
    assert funding["amount"] == {"@type": "MonetaryAmount", "currency": "CNY", "value": 16980000}
    assert funding["description"] == "截至2020年2月6日下午累计1698万元，96596名捐款人"
    grants = graph[1:]
    assert sum(g["amount"]["value"] for g in grants) == 6000000
    assert {g["fundedItem"]["name"] for g in grants if "fundedItem" in g} == {"湖北省总工会", "武汉市总工会"}
    assert all(g["funder"] == {"@id": project["@id"]} for g in grants)


def test_campaign_json_ld_lists_only_the_most_recent_payments(client, monkeypatch):
    monkeypatch.setattr("reliefsite.opendata.jsonld.GRANTS_SHOWN", 2)
    campaign = make_campaign(slug="many-payments")
    for day in (1, 2, 3):
        make_disbursement(campaign, str(day * 100), datetime.date(2020, 2, day))
    response, head = page(client, "/campaigns/many-payments/")
    grants = jsonld(response, head)["@graph"][1:]
    assert [g["amount"]["value"] for g in grants] == [200, 300]  # in date order, the oldest left out


def test_json_ld_cannot_break_out_of_its_script():
    request = RequestFactory().get("/")
    request.csp_nonce = "abc"
    name = "</script><script>alert(1)</script>&"
    org = Organization.objects.create(name=name, slug="evil")
    html = Template("{% load opendata_meta %}{% jsonld org %}").render(
        Context({"request": request, "org": org})
    )
    assert "</script><script>" not in html
    assert html.count("</script>") == 1
    payload = re.search(r">(.*)</script>", html, re.S).group(1)
    assert json.loads(payload)["name"] == name
    assert 'nonce="abc"' in html


def test_no_json_ld_for_anything_else(client):
    request = RequestFactory().get("/")
    assert (
        Template("{% load opendata_meta %}{% jsonld thing %}").render(
            Context({"request": request, "thing": "text"})
        )
        == ""
    )


def test_a_draft_preview_gets_no_json_ld(admin_client, drafts):
    response = admin_client.get("/campaigns/draft-campaign/")
    assert response.status_code == 200
    assert "application/ld+json" not in response.content.decode()
    assert drafts["campaign"].status == Status.DRAFT
