"""Shared pieces of the CSV/XLSX import and export (django-import-export).

Rows name related records by their natural identifiers (campaign slug, organization slug, source
key), accept choice codes or their Chinese labels, run the models' own clean() (the same rules as the
admin forms), and are saved as drafts unless the importing user may publish.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from reliefsite.publishing import Status

from .permissions import can_publish, is_publishable

UNITS = {"万": Decimal("10000"), "亿": Decimal("100000000")}


def parse_amount(value):
    """ "6957400", "6,957,400.00" or "695.74万" -> Decimal; anything else -> ValueError."""
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("元")
    factor = Decimal(1)
    if text[-1:] in UNITS:
        text, factor = text[:-1], UNITS[text[-1]]
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("“%(value)s”不是有效的数值。") % {"value": value}) from None
    if not number.is_finite():
        raise ValueError(_("“%(value)s”不是有效的数值。") % {"value": value})
    return number * factor


class AmountWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        return parse_amount(value)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        if kwargs.get("force_native_type"):
            return value
        return format(value.normalize(), "f")


class CountWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        number = parse_amount(value)
        if number != number.to_integral_value():
            raise ValueError(_("“%(value)s”不是整数。") % {"value": value})
        return int(number)


class ChoiceWidget(widgets.Widget):
    """Accepts the stored code ("yu") or its label ("余"); exports the code. Empty means `empty`."""

    def __init__(self, choices, empty="", **kwargs):
        self.choices = [(str(code), str(label)) for code, label in choices]
        self.empty = empty
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return self.empty
        for code, label in self.choices:
            if text in (code, label):
                return code
        allowed = "、".join(f"{code}（{label}）" for code, label in self.choices)
        raise ValueError(
            _("“%(value)s”不是可选的值，可用：%(allowed)s。") % {"value": text, "allowed": allowed}
        )


class YesNoWidget(widgets.BooleanWidget):
    TRUE_VALUES = [*widgets.BooleanWidget.TRUE_VALUES, "是", "yes", "Yes", "y"]

    def clean(self, value, row=None, **kwargs):
        return value in self.TRUE_VALUES


class MomentWidget(widgets.DateTimeWidget):
    """ISO times with an offset ("2020-02-03T17:00:00+08:00") or local "2020-02-03 17:00"."""

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d %H:%M", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            moment = value
        else:
            try:
                moment = datetime.datetime.fromisoformat(str(value).strip())
            except ValueError:
                raise ValueError(
                    _("“%(value)s”不是有效的时间，请写成 2020-02-03 17:00。") % {"value": value}
                ) from None
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record by slug or key, with a clear message when there is none."""

    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return None
        try:
            return self.get_queryset(value, row).get(**{self.field: value})
        except self.model.DoesNotExist:
            raise ValueError(
                _("找不到%(field)s为“%(value)s”的%(model)s。")
                % {
                    "field": self.model._meta.get_field(self.field).verbose_name,
                    "value": value,
                    "model": self.model._meta.verbose_name,
                }
            ) from None


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Several related records, separated by commas; unknown identifiers are an error, not dropped."""

    def clean(self, value, row=None, **kwargs):
        keys = [key.strip() for key in str(value or "").replace("，", ",").split(",") if key.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        missing = set(keys) - {str(getattr(obj, self.field)) for obj in found}
        if missing:
            raise ValueError(
                _("找不到这些%(model)s：%(keys)s。")
                % {"model": self.model._meta.verbose_name, "keys": "、".join(sorted(missing))}
            )
        return found


class EditorialResource(resources.ModelResource):
    """Base resource: model validation, readable errors, and drafts for users who may not publish."""

    # Many-to-many columns that may not be empty (Django's full_clean does not check them).
    required_m2m = ()

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Many-to-many values are only set after saving; check them now so a bad key is a row error.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    values = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
                    continue
                if field.attribute in self.required_m2m and not values:
                    errors[field.attribute] = [_("至少填写一个。")]
        errors.update(self.row_errors(instance, row))
        self.enforce_draft(instance, kwargs.get("user"))
        if errors:
            raise ValidationError(errors)

    def row_errors(self, instance, row):
        """{column: [message]} for columns a subclass reads itself; reported with the others."""
        return {}

    def after_init_instance(self, instance, new, row, **kwargs):
        if is_publishable(self._meta.model):
            instance._status_before_import = Status.DRAFT if new else instance.status

    def enforce_draft(self, instance, user):
        """New rows are drafts and existing rows keep their status unless the user may publish."""
        model = self._meta.model
        if is_publishable(model) and (user is None or not can_publish(user, model)):
            instance.status = getattr(instance, "_status_before_import", Status.DRAFT)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            # Show the model's Chinese field names instead of attribute names.
            opts = self._meta.model._meta
            readable = {}
            for name, messages_ in error.message_dict.items():
                label = name
                if name != NON_FIELD_ERRORS:
                    try:
                        label = str(opts.get_field(name).verbose_name)
                    except Exception:  # a column that is not a model field, e.g. "figures"
                        label = name
                readable.setdefault(label, []).extend(messages_)
            raise ValidationError(readable) from None


class EditorialImportExportMixin(ImportExportMixin):
    """Admin glue: CSV/XLSX only, permissions from the model's add/change/view, all-or-nothing."""

    formats = [CSV, XLSX]
    import_template_name = "admin/import_export/editorial_import.html"
    import_help = ""

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if getattr(response, "context_data", None) is not None:
            response.context_data["import_help"] = self.import_help
            response.context_data["imports_as_drafts"] = is_publishable(self.model) and not can_publish(
                request.user, self.model
            )
        return response

    def process_dataset(self, dataset, form, request, **kwargs):
        # Confirming re-runs the import: if anything changed since the preview and a row now fails,
        # nothing is saved rather than part of the file.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                gettext_lazy("导入没有完成：有的行在确认时未通过检查，整个文件都没有保存。请重新上传预览。"),
                messages.ERROR,
            )
            return redirect(f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_import")
        return super().process_result(result, request)
