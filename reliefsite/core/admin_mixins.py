"""What every admin page shares: history, the optimistic lock, and who may publish.

Editors (group 编辑) add and change records; only publishers (发布人) hold the per-model
"publish_<model>" permission that changes a record's status. The rule is checked on the server on
every path that can change a status: change forms, inlines, actions, history revert, import and the
record-total form. Hiding the status field is only a convenience on top of that.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from reliefsite.core.admin_history import ReadableHistoryHelper, conflict_messages
from reliefsite.core.admin_widgets import name_widgets
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


# Forms ----------------------------------------------------------------------------------------


class EditorialForm(forms.ModelForm):
    """Base of every admin form: a status change needs the publish permission."""

    user_can_publish = False
    # Set for simple-history's revert page, whose instance is an older version of the row.
    reverting = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.publishable = is_publishable(self._meta.model)
        if self.publishable and self.reverting and not self.user_can_publish:
            # Restoring an old version must not publish or unpublish it for an editor.
            self.instance.status = stored_status(self.instance)
        self.loaded_status = getattr(self.instance, "status", None)
        name_widgets(self)

    def clean(self):
        cleaned = super().clean()
        if self.publishable and not self.user_can_publish:
            # The field is read-only for editors, so a posted status comes from a crafted request.
            wanted = cleaned.get("status", self.data.get(self.add_prefix("status")) or self.instance.status)
            if wanted != (self.loaded_status if self.instance.pk else Status.DRAFT):
                self.add_error("status" if "status" in self.fields else None, NO_PUBLISH_PERMISSION)
        return cleaned


class LockedForm(EditorialForm):
    """Adds the optimistic lock: the row's updated_at as loaded travels in a hidden field."""

    lock_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            stamp = self.instance.updated_at
            if self.reverting:
                stamp = self._stored_stamp(lock=False)
            self.fields["lock_token"].initial = stamp.isoformat() if stamp else ""

    def _stored_stamp(self, lock):
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock and transaction.get_connection(router.db_for_write(type(self.instance))).in_atomic_block:
            # Held until the save commits, so two simultaneous saves are checked one after the other.
            rows = rows.select_for_update()
        return rows.values_list("updated_at", flat=True).first()

    def clean(self):
        token = self.cleaned_data.get("lock_token")
        if self.instance.pk is not None and not self.instance._state.adding and token:
            try:
                loaded_at = datetime.datetime.fromisoformat(token)
            except ValueError:
                loaded_at = None
            stored = self._stored_stamp(lock=True)
            if stored is None:
                raise ValidationError(_("这条记录已被他人删除，无法保存。"))
            if loaded_at != stored:
                raise ValidationError(conflict_messages(self.instance, loaded_at or stored))
        return super().clean()


class EditorialInlineFormSet(BaseInlineFormSet):
    """An editor may not delete a published part (a total report, a disbursement) from a parent."""

    user_can_publish = False
    # Tabular rows show inputs under column headers, with no <label>: each input gets a name.
    name_every_field = False

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name_widgets(form, every_field=self.name_every_field)

    def clean(self):
        super().clean()
        if self.user_can_publish or not is_publishable(self.model):
            return
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form) and form.instance.pk:
                if getattr(form, "loaded_status", None) == Status.PUBLISHED:
                    raise ValidationError(_("“%(obj)s”已发布，只有发布人可以删除。") % {"obj": form.instance})


def with_lock_token(model, fieldsets):
    """The hidden token must be in the fieldsets, or the admin would not render it."""
    if has_lock(model) and "lock_token" not in flatten_fieldsets(fieldsets):
        name, options = fieldsets[0]
        fieldsets = [(name, {**options, "fields": [*options["fields"], "lock_token"]}), *fieldsets[1:]]
    return fieldsets


def _editorial_form_for(model):
    return LockedForm if has_lock(model) else EditorialForm


def _with_user(form_class, request, model, **extra):
    attrs = {"user_can_publish": can_publish(request.user, model), **extra}
    return type(form_class.__name__, (form_class,), attrs)


# Admin classes --------------------------------------------------------------------------------


class EditorialInlineMixin:
    extra = 0
    formset = EditorialInlineFormSet
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    show_change_link = False

    def __init__(self, parent_model, admin_site):
        super().__init__(parent_model, admin_site)
        if self.form is forms.ModelForm:
            self.form = _editorial_form_for(self.model)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _with_user(formset.form, request, self.model)
        formset.user_can_publish = can_publish(request.user, self.model)
        formset.name_every_field = isinstance(self, admin.TabularInline)
        return formset

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_publishable(self.model) and not can_publish(request.user, self.model):
            fields.append("status")
        return fields

    def get_fieldsets(self, request, obj=None):
        return with_lock_token(self.model, super().get_fieldsets(request, obj))


class EditorialTabularInline(EditorialInlineMixin, admin.TabularInline):
    pass


class EditorialStackedInline(EditorialInlineMixin, admin.StackedInline):
    pass


class RecordAdmin(SimpleHistoryAdmin):
    """Every history-tracked model: readable history, revert, optimistic lock, status guard."""

    # Addresses typed without a scheme are read as https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    object_history_template = "admin/record_history.html"
    object_history_list_template = "admin/record_history_list.html"
    list_per_page = 50

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if self.form is forms.ModelForm:
            self.form = _editorial_form_for(model)

    def user_can_publish(self, request):
        return is_publishable(self.model) and can_publish(request.user, self.model)

    def has_publish_permission(self, request):
        return self.user_can_publish(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return _with_user(form, request, self.model, reverting=getattr(request, "_reverting", False))

    def get_fieldsets(self, request, obj=None):
        return with_lock_token(self.model, super().get_fieldsets(request, obj))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_publishable(self.model) and not self.user_can_publish(request):
            fields.append("status")
        return fields

    def save_model(self, request, obj, form, change):
        assert_status_allowed(request.user, obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if is_publishable(formset.model) and not can_publish(request.user, formset.model):
            for inline_form in formset.forms:
                if inline_form.has_changed() and not formset._should_delete_form(inline_form):
                    assert_status_allowed(request.user, inline_form.instance)
        super().save_formset(request, form, formset, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and getattr(obj, "status", None) == Status.DRAFT:
            context["preview_url"] = obj.get_absolute_url()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request._reverting = True
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        try:
            # A malformed id is a 404 (the history of a deleted record stays reachable).
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None
        extra_context = {**(extra_context or {}), "part_histories": self.part_histories(request, pk)}
        return super().history_view(request, object_id, extra_context)

    def part_histories(self, request, object_id):
        """Changes to the inline parts (figures, phone numbers...), newest first, with diffs."""
        sections = []
        for inline in self.get_inline_instances(request):
            model = inline.model
            if not hasattr(model, "history"):
                continue
            fk = next(f for f in model._meta.fields if f.related_model is self.model)
            records = list(
                model.history.filter(**{f"{fk.attname}": object_id})
                .select_related("history_user")
                .order_by("-history_date", "-history_id")[:50]
            )
            for record in records:
                previous = record.prev_record
                record.readable_changes = (
                    ReadableHistoryHelper(model, record).context_for_delta_changes(
                        record.diff_against(previous, excluded_fields=["updated_at"])
                    )
                    if previous
                    else []
                )
            if records:
                sections.append((model._meta.verbose_name_plural, records))
        return sections


class PublishableAdmin(RecordAdmin):
    """Records with a status: publish / unpublish actions for publishers, drafts-only deletion."""

    actions = ["publish_selected", "unpublish_selected"]

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and obj.status == Status.PUBLISHED:
            return self.user_can_publish(request)
        return allowed

    def changelist_view(self, request, extra_context=None):
        # The actions are not offered to editors; a crafted POST gets a clear refusal, not Django's
        # generic "no action selected".
        if request.method == "POST" and request.POST.get("action") in PUBLISH_ACTIONS:
            if not self.user_can_publish(request):
                self.message_user(request, NO_PUBLISH_PERMISSION, messages.ERROR)
                return redirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    @admin.action(description=gettext_lazy("发布所选"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description=gettext_lazy("撤回为草稿"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT)

    def _set_status(self, request, queryset, status):
        if not self.user_can_publish(request):
            raise PermissionDenied(NO_PUBLISH_PERMISSION)
        reason = _("发布") if status == Status.PUBLISHED else _("撤回为草稿")
        label = str(self.model._meta.get_field("status").verbose_name)
        selected = list(queryset.values_list("pk", flat=True))
        changed = 0
        with transaction.atomic(using=router.db_for_write(self.model)):
            rows = self.model._default_manager.filter(pk__in=selected).exclude(status=status)
            # One save per record (not queryset.update) so the history records who did it.
            for obj in rows.select_for_update():
                obj.status = status
                obj._change_reason = reason
                obj.save(update_fields=["status", "updated_at"])
                self.log_change(request, obj, [{"changed": {"fields": [label]}}])
                changed += 1
        self.message_user(
            request,
            _("已%(action)s %(count)d 条%(name)s。")
            % {"action": reason, "count": changed, "name": self.model._meta.verbose_name},
            messages.SUCCESS,
        )
