"""One published record of every public kind, and the public page addresses that show them."""

import datetime

from django.conf import settings
from django.utils import timezone, translation

from tests.factories import make_action, make_campaign, make_hotline, make_report, make_source


def make_site():
    """A small site with one of each kind; returns the addresses of its public pages."""
    # get_absolute_url() follows the active language, which an earlier request may have left.
    with translation.override(settings.LANGUAGE_CODE):
        return _make_site()


def _make_site():
    source = make_source(key="production-test-source", headline="头条测试报道")
    action = make_action(
        title="东城区总工会送温暖", sources=[source], figures=[("1597", "份", "慰问品", "exact")]
    )
    organization = action.organizations.first()
    campaign = make_campaign(slug="production-test-campaign", name="测试用募捐项目")
    make_report(campaign, "6957400", timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0)), donors=44000)
    hotline = make_hotline(slug="production-test-hotline", hours=[(2, "09:00", "17:00")])
    pages = [
        "/",
        "/actions/",
        action.get_absolute_url(),
        "/organizations/",
        organization.get_absolute_url(),
        "/campaigns/",
        campaign.get_absolute_url(),
        f"{campaign.get_absolute_url()}reports/",
        "/hotlines/",
        hotline.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
        "/data/",
        "/data/campaigns/",
    ]
    return pages + [f"/en{page}" for page in pages]


# Machine-readable addresses (outside i18n_patterns) that are public too.
DATA_PAGES = ["/sitemap.xml", "/robots.txt", "/feeds/actions/", "/data/actions.json", "/data/actions.csv"]
