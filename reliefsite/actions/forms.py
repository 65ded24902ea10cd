from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _

from reliefsite.organizations.models import District, Organization

from .models import Category

MAX_QUERY_LENGTH = 50


class EchoSafeChoiceField(forms.ChoiceField):
    """Its "no such choice" message quotes the value: cut a long one (it stays invalid: every
    choice is shorter than the cut)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value[:40] + "…" if len(value) > 40 else value


class ActionFilterForm(forms.Form):
    """Validates the list's GET parameters; an invalid one is reported and ignored, never a 500."""

    q = forms.CharField(
        label=_("关键词"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("关键词最多%(limit_value)d个字，已忽略。")},
    )
    district = EchoSafeChoiceField(
        label=_("区域"),
        required=False,
        choices=[("", _("全部区域")), *District.choices],
        error_messages={"invalid_choice": _("没有“%(value)s”这个区域，已忽略。")},
    )
    organization = forms.CharField(
        label=_("组织"),
        required=False,
        max_length=80,
        validators=[validate_slug],
        error_messages={"max_length": _("组织标识太长，已忽略。"), "invalid": _("组织标识无效，已忽略。")},
    )
    category = EchoSafeChoiceField(
        label=_("类别"),
        required=False,
        choices=[("", _("全部类别")), *Category.choices],
        error_messages={"invalid_choice": _("没有“%(value)s”这个类别，已忽略。")},
    )
    date_from = forms.DateField(
        label=_("起始日期"),
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("起始日期请按 2020-02-01 的格式填写，已忽略。")},
    )
    date_to = forms.DateField(
        label=_("截止日期"),
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("截止日期请按 2020-02-07 的格式填写，已忽略。")},
    )

    def clean_q(self):
        # Collapse runs of (full-width) spaces; the search treats each word as a required substring.
        return " ".join(self.cleaned_data["q"].split())

    def clean_organization(self):
        """The Organization itself (one query, only when the filter is used)."""
        slug = self.cleaned_data["organization"]
        if not slug:
            return None
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            raise forms.ValidationError(_("没有找到标识为“%(slug)s”的组织，已忽略。"), params={"slug": slug})
        return organization

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("截止日期早于起始日期，日期范围已忽略。"))
            data.pop("date_from", None)
        return data

    def filters(self):
        """The valid filters only; invalid fields are dropped (their errors are shown on the page)."""
        self.is_valid()
        names = ("q", "district", "organization", "category", "date_from", "date_to")
        return {name: self.cleaned_data[name] for name in names if self.cleaned_data.get(name)}
