"""The frequent task: a campaign's new total in one short form, one click from the campaign."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reliefsite.campaigns.models import TotalReport
from reliefsite.publishing import Status
from tests.factories import make_campaign, make_report, make_source

FEB_3 = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))


@pytest.fixture
def campaign(db):
    campaign = make_campaign(name="温暖武汉")
    make_report(campaign, "6957400", FEB_3, donors=44000, amount_qualifier="yu", donors_qualifier="duo")
    return campaign


def record_url(campaign):
    return reverse("admin:campaigns_campaign_record_total", args=[campaign.pk])


def new_total(**fields):
    return {
        "as_of_0": "2020-02-06",
        "as_of_1": "15:00",
        "as_of_precision": "afternoon",
        "amount": "16980000",
        "amount_qualifier": "yu",
        "donors": "96596",
        "donors_qualifier": "exact",
        "source": make_source().pk,
        "correction_reason": "",
        "note": "",
        **fields,
    }


def test_one_click_from_the_campaign_page_and_the_list(as_editor, campaign):
    change = as_editor.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk])).content.decode()
    assert f'href="{record_url(campaign)}"' in change
    changelist = as_editor.get(reverse("admin:campaigns_campaign_changelist")).content.decode()
    assert f'href="{record_url(campaign)}"' in changelist
    assert "695.74万余元" in changelist  # the latest total at a glance


def test_form_shows_the_previous_total_and_starts_from_its_qualifiers(as_editor, campaign):
    response = as_editor.get(record_url(campaign))
    page = response.content.decode()
    assert "上一次：截至2020年2月3日17:00，累计695.74万余元，4.4万多名捐款" in page
    assert 'name="publish_now"' not in page  # editors save drafts
    assert response.context["form"].initial["amount_qualifier"] == "yu"


def test_editor_records_a_draft_and_returns_to_the_campaign(as_editor, editor, campaign):
    response = as_editor.post(record_url(campaign), new_total(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    assert (
        "已记录“温暖武汉”截至2020年2月6日下午的累计总额1698万余元（草稿，待发布人发布）"
        in response.content.decode()
    )
    report = TotalReport.objects.get(as_of__date=datetime.date(2020, 2, 6))
    assert (report.amount, report.donors, report.status) == (16980000, 96596, Status.DRAFT)
    assert report.history.get().history_user == editor


def test_editor_cannot_publish_through_it(as_editor, campaign):
    response = as_editor.post(record_url(campaign), new_total(publish_now="on"))
    assert response.status_code == 200
    assert "你没有发布权限" in response.content.decode()
    assert TotalReport.objects.count() == 1


def test_publisher_may_publish_at_once(as_publisher, campaign):
    page = as_publisher.get(record_url(campaign)).content.decode()
    assert 'name="publish_now"' in page
    response = as_publisher.post(record_url(campaign), new_total(publish_now="on"), follow=True)
    assert "（已发布）" in response.content.decode()
    assert TotalReport.objects.published().count() == 2


def test_a_lower_total_needs_a_correction_and_a_reason(as_editor, campaign):
    response = as_editor.post(record_url(campaign), new_total(amount="6000000"))
    assert "低于2020年2月3日17:00的695.74万余元" in response.content.decode()
    response = as_editor.post(record_url(campaign), new_total(amount="6000000", is_correction="on"))
    assert "标记为更正时请写明更正原因" in response.content.decode()
    response = as_editor.post(record_url(campaign), new_total(amount="-1"))
    assert "金额不能为负数" in response.content.decode()
    assert TotalReport.objects.count() == 1
    response = as_editor.post(
        record_url(campaign),
        new_total(amount="6000000", is_correction="on", correction_reason="剔除重复统计"),
    )
    assert response.status_code == 302


def test_an_unknown_campaign_redirects_with_a_message(as_editor, db):
    response = as_editor.get(reverse("admin:campaigns_campaign_record_total", args=[999]), follow=True)
    assert response.status_code == 200
    assert "999" in response.content.decode()


def test_staff_without_add_permission_is_refused(db, client):
    from django.contrib.auth.models import Permission, User

    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_campaign"))
    client.force_login(viewer)
    campaign = make_campaign()
    assert client.get(record_url(campaign)).status_code == 403
