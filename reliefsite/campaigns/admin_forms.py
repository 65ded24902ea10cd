"""Forms of the campaign admin: the one-step "record a new total" and the inline series checks."""

import itertools

from django import forms
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reliefsite.editorial.forms import EditorialInlineFormSet
from reliefsite.editorial.permissions import NO_PUBLISH_PERMISSION
from reliefsite.editorial.widgets import name_widgets
from reliefsite.quantities import format_quantity
from reliefsite.sources.models import Source

from .ledger import ZERO
from .models import TotalReport


class RecordTotalForm(forms.ModelForm):
    """A new running total for one campaign; TotalReport.clean() applies the rules."""

    publish_now = forms.BooleanField(
        label=gettext_lazy("立即发布"),
        required=False,
        help_text=gettext_lazy("不勾选则保存为草稿，发布前可以预览。"),
    )

    class Meta:
        model = TotalReport
        fields = (*TotalReport.RECORDED_FIELDS, "note")
        field_classes = {"as_of": forms.SplitDateTimeField}
        widgets = {"as_of": widgets.AdminSplitDateTime, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_publish = may_publish
        if not may_publish:
            del self.fields["publish_now"]
        self.fields["source"].queryset = Source.objects.order_by("-published_on", "headline")
        name_widgets(self)

    def clean(self):
        cleaned = super().clean()
        # The checkbox is not offered to editors; a crafted request is refused, not quietly saved.
        if not self.may_publish and self.data.get(self.add_prefix("publish_now")):
            raise ValidationError(NO_PUBLISH_PERMISSION)
        return cleaned


def _live_rows(formset):
    """(form, cleaned_data) of the rows that will exist after saving."""
    return [
        (form, form.cleaned_data)
        for form in formset.forms
        if form.cleaned_data and not (formset.can_delete and formset._should_delete_form(form))
    ]


def _untouched(formset, queryset):
    """Rows of the parent that are stored but not among the formset's forms."""
    if formset.instance.pk is None:
        return queryset.none()
    return queryset.exclude(pk__in=[form.instance.pk for form in formset.forms if form.instance.pk])


class TotalReportFormSet(EditorialInlineFormSet):
    """Several totals entered at once must still only grow, unless marked as corrections."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        series = [
            (row["as_of"], row["amount"], row.get("is_correction"), row.get("amount_qualifier"))
            for _form, row in _live_rows(self)
        ]
        series += list(
            _untouched(self, self.instance.reports.all()).values_list(
                "as_of", "amount", "is_correction", "amount_qualifier"
            )
        )
        series.sort(key=lambda item: item[0])
        for (_at, before, _c, before_q), (at, after, correction, after_q) in itertools.pairwise(series):
            if after < before and not correction:
                raise ValidationError(
                    _("%(when)s的累计总额%(new)s低于之前的%(old)s。如果这是更正，请勾选“更正”并写明原因。")
                    % {
                        "when": timezone.localtime(at).strftime("%Y-%m-%d %H:%M"),
                        "new": format_quantity(after, "元", after_q),
                        "old": format_quantity(before, "元", before_q),
                    }
                )


class DisbursementFormSet(EditorialInlineFormSet):
    """All the disbursements on the page together may not exceed the latest total raised."""

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.pk is None:
            return
        latest = self.instance.reports.order_by("-as_of").values_list("amount", flat=True).first() or ZERO
        stored = _untouched(self, self.instance.disbursements.all()).aggregate(total=Sum("amount"))["total"]
        total = (stored or ZERO) + sum((row["amount"] for _form, row in _live_rows(self)), ZERO)
        if total > latest:
            raise ValidationError(
                _("拨付合计%(total)s将超过已募集的%(raised)s。")
                % {"total": format_quantity(total, "元"), "raised": format_quantity(latest, "元")}
            )
