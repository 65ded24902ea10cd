"""Who may publish.

Editors (group 编辑) add and change records; only publishers (发布人) hold the per-model
"publish_<model>" permission that changes a record's status. The rule is checked on the server on
every path that can change a status: change forms, inlines, actions, history revert, import and the
record-total form. Hiding the status field is only a convenience on top of that.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from reliefsite.publishing import Status

NO_PUBLISH_PERMISSION = gettext_lazy(
    "你没有发布权限：只有“发布人”组的成员可以发布或撤回。请保存为草稿，由发布人发布。"
)
PUBLISH_ACTIONS = {"publish_selected", "unpublish_selected"}


def is_publishable(model):
    return any(field.name == "status" for field in model._meta.concrete_fields)


def has_lock(model):
    return any(field.name == "updated_at" for field in model._meta.concrete_fields)


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def stored_status(obj):
    """The status in the database, or draft for a record not saved yet."""
    if obj.pk is None:
        return Status.DRAFT
    status = type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True).first()
    return status or Status.DRAFT


def assert_status_allowed(user, obj):
    """Last line of defence behind the forms: a status change without permission is a 403."""
    if is_publishable(type(obj)) and not can_publish(user, type(obj)) and obj.status != stored_status(obj):
        raise PermissionDenied(NO_PUBLISH_PERMISSION)
