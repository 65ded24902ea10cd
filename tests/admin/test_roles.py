"""The two groups the roles migration creates, and what each may do."""

from django.contrib.auth.models import Group

PUBLISH = {
    "publish_action",
    "publish_campaign",
    "publish_totalreport",
    "publish_disbursement",
    "publish_hotline",
}


def codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_editors_edit_everything_but_publish_nothing(db):
    editors = codenames("编辑")
    for model in (
        "organization",
        "source",
        "action",
        "figure",
        "campaign",
        "totalreport",
        "hotline",
        "holiday",
    ):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= editors
    assert not editors & PUBLISH
    assert "delete_action" in editors  # drafts only: the admin refuses published records
    assert "delete_organization" not in editors and "delete_source" not in editors


def test_publishers_have_everything_editors_have_plus_publish_and_delete(db):
    publishers = codenames("发布人")
    assert codenames("编辑") < publishers
    assert PUBLISH <= publishers
    assert {"delete_organization", "delete_source"} <= publishers


def test_editor_cannot_delete_an_organization(as_editor, db):
    from django.urls import reverse

    from tests.factories import make_organization

    organization = make_organization()
    assert (
        as_editor.post(
            reverse("admin:organizations_organization_delete", args=[organization.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
