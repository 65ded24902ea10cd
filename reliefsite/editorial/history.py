"""Readable record history for the admin: choice labels in diffs, and who changed what since."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name


def readable(field, value):
    """A stored value as an editor reads it: choice labels, 是/否, local times, （空）."""
    if value is None or value == "":
        return _("（空）")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    if field.many_to_many:
        names = [str(row.get(get_m2m_reverse_field_name(field), "")) for row in value]
        return "、".join(names) if names else _("（空）")
    return str(value)


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """simple-history's diff column, with choice labels instead of stored codes."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            related = super().prepare_delta_change_value(change, value)
            return "、".join(str(obj) for obj in related) or _("（空）")
        return readable(field, value)


def describe_user(user):
    if user is None:
        return _("系统（导入或脚本）")
    return user.get_full_name() or user.get_username()


def conflict_messages(instance, loaded_at):
    """Who changed the record since the editor opened it, when, and which fields to what."""
    history = instance.history.order_by("-history_date", "-history_id").select_related("history_user")
    newer = list(history.filter(updated_at__gt=loaded_at)[:20]) or list(history[:1])
    lines = [
        _(
            "保存失败：你打开本页之后，%(who)s 于 %(when)s 修改了这条记录。为免覆盖对方的修改，你这次的修改没有保存。"
        )
        % {
            "who": "、".join(dict.fromkeys(describe_user(r.history_user) for r in newer)),
            "when": date_format(timezone.localtime(newer[0].history_date), "Y-m-d H:i:s") if newer else "?",
        }
    ]
    opened = history.filter(updated_at=loaded_at).first()
    if newer and opened:
        delta = newer[0].diff_against(opened, excluded_fields=["updated_at"], foreign_keys_are_objs=True)
        opts = type(instance)._meta
        changes = [
            _("%(field)s：%(old)s → %(new)s")
            % {
                "field": opts.get_field(change.field).verbose_name,
                "old": readable(opts.get_field(change.field), change.old),
                "new": readable(opts.get_field(change.field), change.new),
            }
            for change in delta.changes
        ]
        if changes:
            lines.append(_("对方的修改：") + "；".join(changes))
        else:
            lines.append(_("对方没有改动本页上方的字段，可能修改了下方的子项（如数字、电话号码）。"))
    lines.append(_("请刷新本页查看最新内容，再重新填写你的修改后保存。"))
    return lines
