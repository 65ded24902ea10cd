"""Every admin page of the content models renders, for a superuser and for an editor."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from reliefsite.campaigns.models import GroupContribution
from reliefsite.hotlines.models import Channel, Holiday
from tests.factories import (
    make_action,
    make_campaign,
    make_disbursement,
    make_hotline,
    make_organization,
    make_report,
)

CONTENT_APPS = {"organizations", "sources", "actions", "campaigns", "hotlines"}
MODEL_ADMINS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label,
)


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def one_of_everything(db):
    campaign = make_campaign()
    as_of = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))
    report = make_report(campaign, "6957400", as_of, donors=44000)
    make_disbursement(campaign, "1000000", datetime.date(2020, 2, 4))
    GroupContribution.objects.create(
        campaign=campaign,
        group=make_organization(),
        label="教育工会系统",
        as_of=as_of,
        amount=4780800,
        source=report.source,
    )
    make_action(figures=[("1597", "份", "慰问品", "exact")])
    hotline = make_hotline(hours=[(2, "09:00", "17:00")])
    Channel.objects.create(
        hotline=hotline, kind=Channel.Kind.WECHAT, name="北京工会", instructions="关注后留言。"
    )
    Holiday.objects.create(date=datetime.date(2020, 1, 1), name="元旦")


def test_every_content_model_is_registered():
    names = {model._meta.model_name for model in MODEL_ADMINS}
    assert names == {
        "organization",
        "source",
        "action",
        "campaign",
        "totalreport",
        "groupcontribution",
        "disbursement",
        "hotline",
        "holiday",
    }


@pytest.mark.parametrize("role", ["as_superuser", "as_editor"])
@pytest.mark.parametrize("model", MODEL_ADMINS, ids=lambda model: model._meta.model_name)
def test_changelist_add_change_and_history_pages_render(request, role, model, one_of_everything):
    client = request.getfixturevalue(role)
    assert client.get(url(model, "changelist")).status_code == 200
    assert client.get(url(model, "changelist"), {"q": "测试"}).status_code == 200
    assert client.get(url(model, "add")).status_code == 200
    obj = model.objects.first()
    response = client.get(url(model, "change", obj.pk))
    assert response.status_code == 200
    assert str(obj) in response.content.decode()
    if hasattr(model, "history"):
        assert client.get(url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("role", ["as_superuser", "as_editor"])
def test_pages_render_with_the_seed_data(request, role, seeded):
    client = request.getfixturevalue(role)
    for model in MODEL_ADMINS:
        assert client.get(url(model, "changelist")).status_code == 200, model
        for obj in model.objects.all()[:5]:
            assert client.get(url(model, "change", obj.pk)).status_code == 200, obj


@pytest.mark.parametrize("role", ["as_superuser", "as_editor"])
def test_import_export_and_record_total_pages_render(request, role, one_of_everything):
    client = request.getfixturevalue(role)
    from reliefsite.actions.models import Action
    from reliefsite.campaigns.models import Campaign, Disbursement, TotalReport

    for model in (Action, TotalReport, Disbursement):
        assert client.get(url(model, "import")).status_code == 200
        assert client.get(url(model, "export")).status_code == 200
    campaign = Campaign.objects.get()
    assert client.get(url(Campaign, "record_total", campaign.pk)).status_code == 200


def test_lists_are_labelled_in_chinese(as_editor, one_of_everything):
    from reliefsite.campaigns.models import TotalReport

    page = as_editor.get(url(TotalReport, "changelist")).content.decode()
    for label in ("累计总额", "募捐项目", "累计善款", "捐款人数", "状态", "695.74万元"):
        assert label in page


def test_inlines_show_the_parts(as_editor, one_of_everything):
    from reliefsite.actions.models import Action
    from reliefsite.campaigns.models import Campaign
    from reliefsite.hotlines.models import Hotline

    page = as_editor.get(url(Campaign, "change", Campaign.objects.get().pk)).content.decode()
    assert 'name="reports-TOTAL_FORMS" value="1"' in page
    assert 'name="disbursements-TOTAL_FORMS" value="1"' in page
    assert 'name="contributions-TOTAL_FORMS" value="1"' in page
    page = as_editor.get(url(Action, "change", Action.objects.get().pk)).content.decode()
    assert 'name="figures-TOTAL_FORMS" value="1"' in page
    page = as_editor.get(url(Hotline, "change", Hotline.objects.get().pk)).content.decode()
    for prefix in ("numbers", "hours", "channels"):
        assert f'name="{prefix}-TOTAL_FORMS" value="1"' in page


def test_autocomplete_for_organizations_works_for_editors(as_editor, one_of_everything):
    response = as_editor.get(
        reverse("admin:autocomplete"),
        {"app_label": "actions", "model_name": "action", "field_name": "organizations", "term": "测试"},
    )
    assert response.status_code == 200
    assert response.json()["results"]


@pytest.mark.parametrize(
    "name",
    ["admin:actions_action_change", "admin:actions_action_history", "admin:campaigns_campaign_record_total"],
)
def test_unknown_or_malformed_ids_are_not_server_errors(as_editor, name):
    for object_id in ("999", "abc"):
        response = as_editor.get(reverse(name, args=[object_id]))
        assert response.status_code in (302, 404), (name, object_id, response.status_code)
