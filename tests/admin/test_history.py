"""Every change is recorded with who, when and what; an earlier version can be restored."""

import pytest
from django.urls import reverse

from reliefsite.actions.models import Action
from reliefsite.publishing import Status
from tests.factories import make_action

from .htmlforms import form_data


def change_url(obj):
    return reverse("admin:actions_action_change", args=[obj.pk])


def history_url(obj):
    return reverse("admin:actions_action_history", args=[obj.pk])


@pytest.fixture
def action(db):
    return make_action(
        title="原来的标题", status=Status.DRAFT, category="goods", figures=[("1597", "份", "慰问品", "exact")]
    )


def edit(client, action, **changes):
    data = form_data(client.get(change_url(action)), "action_form")
    data.update(changes)
    response = client.post(change_url(action), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_history_shows_who_when_and_readable_changes(as_editor, editor, action):
    edit(as_editor, action, title="新的标题", category="funds")
    page = as_editor.get(history_url(action)).content.decode()
    assert "bianji" in page  # who
    assert "原来的标题" in page and "新的标题" in page  # what
    assert "类别:" in page or "类别：" in page
    assert "物资与慰问品" in page and "资金与慰问金" in page  # choice labels, not codes
    record = action.history.first()
    assert record.history_user == editor and record.title == "新的标题"


def test_inline_part_changes_appear_on_the_parent_history(as_editor, action):
    edit(as_editor, action, **{"figures-0-value": "1600"})
    page = as_editor.get(history_url(action)).content.decode()
    assert "数字的修改" in page
    assert "1597" in page and "1600" in page


def test_an_earlier_version_can_be_restored(as_editor, action):
    first_version = action.history.earliest()
    edit(as_editor, action, title="改错了的标题", summary="改错了的摘要。")
    revert_url = reverse("admin:actions_action_simple_history", args=[action.pk, first_version.history_id])
    page = as_editor.get(revert_url)
    assert page.status_code == 200
    data = form_data(page, "historicalaction_form")
    assert data["title"] == "原来的标题"
    versions = action.history.count()
    response = as_editor.post(revert_url, data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.summary) == ("原来的标题", "测试摘要。")
    assert action.history.count() == versions + 1  # the restore is itself recorded


def test_an_editor_restoring_a_published_version_does_not_publish(as_editor, as_publisher, action):
    as_publisher.post(
        reverse("admin:actions_action_changelist"),
        {"action": "publish_selected", "_selected_action": [action.pk]},
    )
    published_version = action.history.first()
    as_publisher.post(
        reverse("admin:actions_action_changelist"),
        {"action": "unpublish_selected", "_selected_action": [action.pk]},
    )
    revert_url = reverse(
        "admin:actions_action_simple_history", args=[action.pk, published_version.history_id]
    )
    data = form_data(as_editor.get(revert_url), "historicalaction_form")
    assert as_editor.post(revert_url, data).status_code == 302
    assert Action.objects.get(pk=action.pk).status == Status.DRAFT


def test_a_publisher_restoring_a_published_version_may_publish(as_publisher, action):
    as_publisher.post(
        reverse("admin:actions_action_changelist"),
        {"action": "publish_selected", "_selected_action": [action.pk]},
    )
    published_version = action.history.first()
    as_publisher.post(
        reverse("admin:actions_action_changelist"),
        {"action": "unpublish_selected", "_selected_action": [action.pk]},
    )
    revert_url = reverse(
        "admin:actions_action_simple_history", args=[action.pk, published_version.history_id]
    )
    data = form_data(as_publisher.get(revert_url), "historicalaction_form")
    assert data["status"] == Status.PUBLISHED
    assert as_publisher.post(revert_url, data).status_code == 302
    assert Action.objects.get(pk=action.pk).status == Status.PUBLISHED
