"""The admin's forms: a status change needs the publish permission; a stale save is refused
(the optimistic lock: the row's updated_at as loaded travels in a hidden field)."""

import datetime

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _

from reliefsite.publishing import Status

from .history import conflict_messages
from .permissions import NO_PUBLISH_PERMISSION, can_publish, has_lock, is_publishable, stored_status
from .widgets import name_widgets


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


def editorial_form_for(model):
    return LockedForm if has_lock(model) else EditorialForm


def for_user(form_class, request, model, **extra):
    attrs = {"user_can_publish": can_publish(request.user, model), **extra}
    return type(form_class.__name__, (form_class,), attrs)
