"""Two people editing one record: the second save is refused and told what the first one changed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reliefsite.campaigns.models import TotalReport
from reliefsite.publishing import Status
from tests.factories import make_action, make_campaign, make_hotline, make_report

from .htmlforms import form_data


@pytest.fixture
def action(db):
    return make_action(title="原来的标题", status=Status.DRAFT)


def test_second_save_with_a_stale_token_is_refused_with_the_other_change(as_editor, as_second_editor, action):
    url = reverse("admin:actions_action_change", args=[action.pk])
    first = form_data(as_editor.get(url), "action_form")
    second = form_data(as_second_editor.get(url), "action_form")
    assert first["lock_token"] and first["lock_token"] == second["lock_token"]

    assert as_editor.post(url, {**first, "title": "小王改的标题"}).status_code == 302
    response = as_second_editor.post(url, {**second, "title": "小李改的标题", "district": "xicheng"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "保存失败" in page
    assert "小王" in page  # who
    assert "标题：原来的标题 → 小王改的标题" in page  # what
    action.refresh_from_db()
    assert (action.title, action.district) == ("小王改的标题", "dongcheng")


def test_a_fresh_token_saves_normally(as_editor, as_second_editor, action):
    url = reverse("admin:actions_action_change", args=[action.pk])
    as_editor.post(url, {**form_data(as_editor.get(url), "action_form"), "title": "第一次"})
    fresh = form_data(as_second_editor.get(url), "action_form")
    assert as_second_editor.post(url, {**fresh, "title": "第二次"}).status_code == 302
    action.refresh_from_db()
    assert action.title == "第二次"


def test_stale_parts_in_an_inline_are_refused_too(as_editor, as_second_editor, db):
    campaign = make_campaign(status=Status.DRAFT)
    report = make_report(campaign, "100", timezone.make_aware(datetime.datetime(2020, 2, 3, 17)))
    campaign_url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    report_url = reverse("admin:campaigns_totalreport_change", args=[report.pk])
    stale = form_data(as_second_editor.get(campaign_url), "campaign_form")

    data = form_data(as_editor.get(report_url), "totalreport_form")
    assert as_editor.post(report_url, {**data, "amount": "200"}).status_code == 302

    response = as_second_editor.post(campaign_url, {**stale, "reports-0-amount": "150"})
    assert response.status_code == 200
    assert "累计善款（元）：100.00 → 200.00" in response.content.decode()
    assert TotalReport.objects.get().amount == 200


def test_a_save_with_only_part_changes_is_still_reported(as_editor, as_second_editor, db):
    hotline = make_hotline(status=Status.DRAFT)
    url = reverse("admin:hotlines_hotline_change", args=[hotline.pk])
    stale = form_data(as_second_editor.get(url), "hotline_form")
    data = form_data(as_editor.get(url), "hotline_form")
    assert as_editor.post(url, {**data, "numbers-0-label": "热线一"}).status_code == 302
    response = as_second_editor.post(url, {**stale, "offers": "别的服务。"})
    page = response.content.decode()
    assert "保存失败" in page and "子项" in page


def test_every_change_form_and_inline_carries_the_token(as_editor, db):
    campaign = make_campaign(status=Status.DRAFT)
    make_report(campaign, "100", timezone.make_aware(datetime.datetime(2020, 2, 3, 17)))
    page = as_editor.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk])).content.decode()
    assert 'name="lock_token"' in page
    assert 'name="reports-0-lock_token"' in page
    for obj in (make_action(), make_hotline(), campaign.organizer, campaign.sources.get()):
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert 'name="lock_token"' in as_editor.get(url).content.decode(), opts.label
