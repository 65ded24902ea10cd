"""Only publishers publish: every path an editor could try is refused on the server, with a message."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, TotalReport
from reliefsite.publishing import Status
from tests.factories import make_action, make_campaign, make_report

from .htmlforms import form_data

REFUSED = "你没有发布权限"
FEB_3 = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@pytest.fixture
def draft_action(db):
    return make_action(status=Status.DRAFT, title="草稿行动")


def test_editor_sees_status_as_text_and_a_crafted_status_is_refused(as_editor, draft_action):
    page = as_editor.get(change_url(draft_action))
    data = form_data(page, "action_form")
    assert "status" not in data  # read-only for editors
    data["status"] = Status.PUBLISHED
    response = as_editor.post(change_url(draft_action), data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    draft_action.refresh_from_db()
    assert draft_action.status == Status.DRAFT


def test_editor_can_still_edit_a_draft(as_editor, draft_action):
    data = form_data(as_editor.get(change_url(draft_action)), "action_form")
    data["title"] = "改过的标题"
    assert as_editor.post(change_url(draft_action), data).status_code == 302
    draft_action.refresh_from_db()
    assert (draft_action.title, draft_action.status) == ("改过的标题", Status.DRAFT)


def test_editor_adds_drafts_only(as_editor):
    page = as_editor.get(reverse("admin:actions_action_add"))
    assert 'name="status"' not in page.content.decode()
    assert "草稿" in page.content.decode()


def test_publisher_publishes_from_the_change_form(as_publisher, draft_action):
    data = form_data(as_publisher.get(change_url(draft_action)), "action_form")
    assert data["status"] == Status.DRAFT
    data["status"] = Status.PUBLISHED
    assert as_publisher.post(change_url(draft_action), data).status_code == 302
    draft_action.refresh_from_db()
    assert draft_action.status == Status.PUBLISHED


def test_publish_actions_are_not_offered_to_editors(as_editor, as_publisher, draft_action):
    assert "publish_selected" not in as_editor.get(changelist_url(Action)).content.decode()
    page = as_publisher.get(changelist_url(Action)).content.decode()
    assert "发布所选" in page and "撤回为草稿" in page


def test_editor_cannot_publish_by_admin_action(as_editor, draft_action):
    response = as_editor.post(
        changelist_url(Action),
        {"action": "publish_selected", "_selected_action": [draft_action.pk]},
        follow=True,
    )
    assert REFUSED in response.content.decode()
    draft_action.refresh_from_db()
    assert draft_action.status == Status.DRAFT


def test_publisher_publishes_and_unpublishes_by_admin_action(as_publisher, publisher, draft_action):
    other = make_action(status=Status.DRAFT)
    response = as_publisher.post(
        changelist_url(Action),
        {"action": "publish_selected", "_selected_action": [draft_action.pk, other.pk]},
        follow=True,
    )
    assert "已发布 2 条救助行动" in response.content.decode()
    assert set(Action.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    latest = draft_action.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.status) == (
        publisher,
        "发布",
        Status.PUBLISHED,
    )
    as_publisher.post(
        changelist_url(Action), {"action": "unpublish_selected", "_selected_action": [other.pk]}
    )
    other.refresh_from_db()
    assert other.status == Status.DRAFT


@pytest.fixture
def campaign_with_published_report(db):
    campaign = make_campaign(status=Status.DRAFT)
    make_report(campaign, "6957400", FEB_3, status=Status.PUBLISHED)
    return campaign


def test_editor_cannot_publish_or_delete_a_report_through_the_campaign_inline(
    as_editor, campaign_with_published_report
):
    campaign = campaign_with_published_report
    draft = make_report(campaign, "8000000", FEB_3 + datetime.timedelta(days=1), status=Status.DRAFT)
    data = form_data(as_editor.get(change_url(campaign)), "campaign_form")
    index = next(i for i in range(2) if data[f"reports-{i}-id"] == str(draft.pk))
    crafted = {**data, f"reports-{index}-status": Status.PUBLISHED}
    response = as_editor.post(change_url(campaign), crafted)
    assert response.status_code == 200 and REFUSED in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    published_index = 1 - index
    response = as_editor.post(change_url(campaign), {**data, f"reports-{published_index}-DELETE": "on"})
    assert response.status_code == 200
    assert "已发布，只有发布人可以删除" in response.content.decode()
    assert TotalReport.objects.filter(campaign=campaign).count() == 2

    # The draft part may be deleted by an editor.
    assert as_editor.post(change_url(campaign), {**data, f"reports-{index}-DELETE": "on"}).status_code == 302
    assert not TotalReport.objects.filter(pk=draft.pk).exists()


def test_publisher_can_publish_a_report_in_the_inline(as_publisher, campaign_with_published_report):
    campaign = campaign_with_published_report
    draft = make_report(campaign, "8000000", FEB_3 + datetime.timedelta(days=1), status=Status.DRAFT)
    data = form_data(as_publisher.get(change_url(campaign)), "campaign_form")
    index = next(i for i in range(2) if data[f"reports-{i}-id"] == str(draft.pk))
    data[f"reports-{index}-status"] = Status.PUBLISHED
    assert as_publisher.post(change_url(campaign), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_editor_may_delete_drafts_but_not_published_records(as_editor, draft_action):
    published = make_action(status=Status.PUBLISHED)
    delete = "admin:actions_action_delete"
    assert as_editor.get(reverse(delete, args=[published.pk])).status_code == 403
    assert as_editor.post(reverse(delete, args=[published.pk]), {"post": "yes"}).status_code == 403
    response = as_editor.post(
        changelist_url(Action),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Action.objects.filter(pk=published.pk).exists()
    assert as_editor.post(reverse(delete, args=[draft_action.pk]), {"post": "yes"}).status_code == 302
    assert not Action.objects.filter(pk=draft_action.pk).exists()


def test_editor_cannot_delete_a_draft_campaign_that_would_take_published_reports(
    as_editor, campaign_with_published_report
):
    campaign = campaign_with_published_report
    url = reverse("admin:campaigns_campaign_delete", args=[campaign.pk])
    assert "累计总额" in as_editor.get(url).content.decode()  # listed as not deletable
    assert as_editor.post(url, {"post": "yes"}).status_code == 403
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_publisher_may_delete_published_records(as_publisher):
    published = make_action(status=Status.PUBLISHED)
    url = reverse("admin:actions_action_delete", args=[published.pk])
    assert as_publisher.post(url, {"post": "yes"}).status_code == 302
    assert not Action.objects.filter(pk=published.pk).exists()


def test_draft_change_page_links_to_a_preview(as_editor, draft_action):
    page = as_editor.get(change_url(draft_action)).content.decode()
    assert "预览草稿" in page
    assert f'href="{draft_action.get_absolute_url()}"' in page
    published = make_action(status=Status.PUBLISHED)
    assert "预览草稿" not in as_editor.get(change_url(published)).content.decode()
