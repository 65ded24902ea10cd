"""CSV/XLSX import and export of relief actions, figures included.

The "figures" column holds every figure of the action, separated by ";", each written
`value|unit|what it counts|qualifier`, e.g. `1597|份|慰问品; 200|个|暖手宝|多; 4.4万|人|职工|余`.
The qualifier may be a code (yu) or as printed (余) and is left out for an exact figure. When the
column is present, an action's figures are replaced by the ones listed; without it they are kept.
"""

from django.utils.translation import gettext as _
from import_export import fields

from reliefsite.editorial.resources import (
    ChoiceWidget,
    EditorialResource,
    NaturalKeysWidget,
    parse_amount,
)
from reliefsite.organizations.models import District, Organization
from reliefsite.publishing import Status
from reliefsite.quantities import Qualifier, plain
from reliefsite.sources.models import Source

from .models import Action, Category, DateQualifier, Figure

QUALIFIER_WIDGET = ChoiceWidget(Qualifier.choices, empty=Qualifier.EXACT)


def parse_figures(text):
    """The figures column -> [(value, unit, counts, qualifier)]; ValueError names the bad item."""
    figures = []
    items = [item.strip() for item in str(text or "").replace("；", ";").replace("\n", ";").split(";")]
    for number, item in enumerate(filter(None, items), 1):
        parts = [part.strip() for part in item.split("|")]
        if len(parts) < 2 or len(parts) > 4 or not parts[1]:
            raise ValueError(
                _("第%(n)d个数字“%(item)s”格式不对，应写成 数值|单位|计数对象|限定词，如 200|个|暖手宝|多。")
                % {"n": number, "item": item}
            )
        parts += [""] * (4 - len(parts))
        value = parse_amount(parts[0])
        if value < 0:
            raise ValueError(_("第%(n)d个数字“%(item)s”：数值不能为负数。") % {"n": number, "item": item})
        figures.append((value, parts[1], parts[2], QUALIFIER_WIDGET.clean(parts[3])))
    return figures


class ActionResource(EditorialResource):
    organizations = fields.Field(
        attribute="organizations",
        column_name="organizations",
        widget=NaturalKeysWidget(Organization, field="slug"),
    )
    recipients = fields.Field(
        attribute="recipients", column_name="recipients", widget=NaturalKeysWidget(Organization, field="slug")
    )
    sources = fields.Field(
        attribute="sources", column_name="sources", widget=NaturalKeysWidget(Source, field="key")
    )
    district = fields.Field(
        attribute="district", column_name="district", widget=ChoiceWidget(District.choices)
    )
    category = fields.Field(
        attribute="category", column_name="category", widget=ChoiceWidget(Category.choices)
    )
    date_qualifier = fields.Field(
        attribute="date_qualifier",
        column_name="date_qualifier",
        widget=ChoiceWidget(DateQualifier.choices, empty=DateQualifier.EXACT),
    )
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Status.choices, empty=Status.DRAFT)
    )
    figures = fields.Field(column_name="figures")

    required_m2m = ("organizations", "sources")

    class Meta:
        model = Action
        fields = (
            "slug",
            "title",
            "organizations",
            "recipients",
            "district",
            "category",
            "start_date",
            "end_date",
            "date_qualifier",
            "date_note",
            "summary",
            "beneficiaries",
            "sources",
            "status",
            "figures",
        )
        import_id_fields = ("slug",)
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().prefetch_related("organizations", "recipients", "sources", "figures")

    def dehydrate_figures(self, action):
        if action.pk is None:
            return ""
        return "; ".join(
            "|".join(
                [
                    plain(figure.value),
                    figure.unit,
                    figure.counts,
                    "" if figure.qualifier == Qualifier.EXACT else figure.get_qualifier_display(),
                ]
            ).rstrip("|")
            for figure in action.figures.all()
        )

    def row_errors(self, instance, row):
        """Parses the figures column; they are saved after the action (after_save_instance)."""
        instance._imported_figures = None
        if "figures" in row:
            try:
                instance._imported_figures = parse_figures(row["figures"])
            except ValueError as error:
                return {"figures": [str(error)]}
        return {}

    def after_save_instance(self, instance, row, **kwargs):
        wanted = getattr(instance, "_imported_figures", None)
        if wanted is None:
            return
        current = [(f.value, f.unit, f.counts, f.qualifier) for f in instance.figures.all()]
        if current == wanted:
            return  # unchanged: no history noise
        # One by one, not in bulk, so each figure's history records the import.
        for figure in list(instance.figures.all()):
            figure.delete()
        for position, (value, unit, counts, qualifier) in enumerate(wanted):
            Figure.objects.create(
                action=instance, value=value, unit=unit, counts=counts, qualifier=qualifier, position=position
            )
