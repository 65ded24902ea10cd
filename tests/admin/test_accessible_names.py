"""Every input of the editors' admin forms has a name a screen reader can announce.

The browser test (tests/browser/test_accessibility.py) runs axe on these pages; this checks the
rendered HTML without a browser, so it runs everywhere.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_action, make_campaign, make_disbursement, make_report


class _Controls(HTMLParser):
    """Form controls ({id, name, aria-label}), the ids <label for> points at, and header texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls = []
        self.labelled = set()
        self.headers = []
        self.h1 = []
        self._th = self._h1 = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        elif tag in ("select", "textarea") or (
            tag == "input" and attrs.get("type") not in ("hidden", "submit", "button")
        ):
            self.controls.append(attrs)
        elif tag == "th":
            self._th = [attrs.get("class", ""), ""]
            self.headers.append(self._th)
        elif tag == "h1":
            self._h1 = [""]
            self.h1.append(self._h1)

    def handle_data(self, data):
        if self._th is not None:
            self._th[1] += data
        if self._h1 is not None:
            self._h1[0] += data

    def handle_endtag(self, tag):
        if tag == "th":
            self._th = None
        elif tag == "h1":
            self._h1 = None


def parse(response):
    assert response.status_code == 200
    parser = _Controls()
    parser.feed(response.content.decode())
    return parser


def nameless(page):
    return [
        control.get("id") or control.get("name")
        for control in page.controls
        if not control.get("aria-label") and control.get("id") not in page.labelled
    ]


@pytest.fixture
def campaign(db):
    campaign = make_campaign()
    make_report(campaign, "6957400", timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0)), donors=44000)
    make_disbursement(campaign, "1000000", datetime.date(2020, 2, 4))
    return campaign


def test_campaign_change_form_names_every_input(as_editor, campaign):
    page = parse(as_editor.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk])))
    assert not nameless(page)
    by_id = {control.get("id"): control for control in page.controls}
    # Tabular inline rows: each input is named after its column.
    assert by_id["id_reports-0-amount"]["aria-label"] == "累计善款（元）"
    assert by_id["id_reports-0-DELETE"]["aria-label"] == "删除"
    # Split date/time: each box says which half it is.
    assert by_id["id_reports-0-as_of_0"]["aria-label"] == "截至时间：日期"
    assert by_id["id_reports-0-as_of_1"]["aria-label"] == "截至时间：时间"
    assert by_id["id_launched_at_0"]["aria-label"].endswith("：日期")
    # Autocomplete selects carry the name select2's own boxes take (admin_site/autocomplete_names.js).
    assert by_id["id_organizer"]["aria-label"] == "发起机构"
    assert by_id["id_disbursements-0-recipient"]["aria-label"]
    # No empty header cell in the tabular inline.
    assert all(text.strip() for css, text in page.headers if "original" in css)


def test_action_change_form_names_every_input(as_editor):
    action = make_action(figures=[("1597", "份", "慰问品", "exact")])
    page = parse(as_editor.get(reverse("admin:actions_action_change", args=[action.pk])))
    assert not nameless(page)


def test_record_total_form_names_the_date_and_time(as_editor, campaign):
    page = parse(as_editor.get(reverse("admin:campaigns_campaign_record_total", args=[campaign.pk])))
    assert not nameless(page)


def test_login_page_has_a_heading_and_admin_pages_load_the_fixes(client, as_editor):
    login = client.get(reverse("admin:login"))
    assert [text.strip() for (text,) in parse(login).h1] == ["登录"]
    index = as_editor.get(reverse("admin:index")).content.decode()
    assert "admin_site/admin.css" in index and "admin_site/autocomplete_names.js" in index
