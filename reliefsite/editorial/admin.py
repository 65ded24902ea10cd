"""Base classes of every admin page: history, the optimistic lock, and who may publish."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from reliefsite.publishing import Status

from .forms import EditorialInlineFormSet, editorial_form_for, for_user, with_lock_token
from .history import ReadableHistoryHelper
from .permissions import (
    NO_PUBLISH_PERMISSION,
    PUBLISH_ACTIONS,
    assert_status_allowed,
    can_publish,
    is_publishable,
)


class EditorialInlineMixin:
    extra = 0
    formset = EditorialInlineFormSet
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    show_change_link = False

    def __init__(self, parent_model, admin_site):
        super().__init__(parent_model, admin_site)
        if self.form is forms.ModelForm:
            self.form = editorial_form_for(self.model)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = for_user(formset.form, request, self.model)
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
            self.form = editorial_form_for(model)

    def user_can_publish(self, request):
        return is_publishable(self.model) and can_publish(request.user, self.model)

    def has_publish_permission(self, request):
        return self.user_can_publish(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return for_user(form, request, self.model, reverting=getattr(request, "_reverting", False))

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
