"""Accessible names for the admin inputs that no <label> points at.

The admin names a field with one <label for=...>. That leaves three kinds of input nameless for a
screen reader (axe: label, select-name): the inputs of tabular inline rows, which sit under a
column header instead; the date and the time box of a split date/time field, which share one
label; and the search box select2 builds for an autocomplete field, which takes the select's
aria-label (static/admin_site/autocomplete_names.js).
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin, RelatedFieldWidgetWrapper
from django.utils.translation import gettext as _


def _part_name(label, part, index):
    if isinstance(part, forms.DateInput):
        return _("%(field)s：日期") % {"field": label}
    if isinstance(part, forms.TimeInput):
        return _("%(field)s：时间") % {"field": label}
    return f"{label} {index + 1}"


def name_widgets(form, every_field=False):
    """Sets aria-label on the form's inputs that need one; every_field for a tabular inline row."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget = widget.widget
        if widget.is_hidden:
            continue
        label = str(form[name].label)
        if isinstance(widget, forms.MultiWidget):
            # Not on the MultiWidget itself: its attrs would override every part's.
            for index, part in enumerate(widget.widgets):
                part.attrs["aria-label"] = _part_name(label, part, index)
        elif every_field or isinstance(widget, AutocompleteMixin):
            widget.attrs["aria-label"] = label
