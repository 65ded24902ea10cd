"""CSV/XLSX import and export of campaign total reports and disbursements.

Campaigns are named by slug, organizations by slug, sources by key. Amounts may be written in full
("6957400") or as printed ("695.74万"); times as "2020-02-03 17:00" (Beijing time) or ISO with an
offset. Each row goes through the model's clean(): a lower total needs is_correction and a reason,
disbursements may not exceed the amount raised. Rows are checked in file order, so a file may add a
total and then pay out of it.
"""

from import_export import fields

from reliefsite.editorial.resources import (
    AmountWidget,
    ChoiceWidget,
    CountWidget,
    EditorialResource,
    MomentWidget,
    NaturalKeyWidget,
    YesNoWidget,
)
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.quantities import AsOfPrecision, DateQualifier, Qualifier
from reliefsite.sources.models import Source

from .models import Campaign, Disbursement, TotalReport


def qualifier(name):
    return fields.Field(
        attribute=name, column_name=name, widget=ChoiceWidget(Qualifier.choices, empty=Qualifier.EXACT)
    )


def status():
    return fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Status.choices, empty=Status.DRAFT)
    )


def campaign():
    return fields.Field(
        attribute="campaign", column_name="campaign", widget=NaturalKeyWidget(Campaign, field="slug")
    )


def source():
    return fields.Field(
        attribute="source", column_name="source", widget=NaturalKeyWidget(Source, field="key")
    )


class TotalReportResource(EditorialResource):
    campaign = campaign()
    as_of = fields.Field(attribute="as_of", column_name="as_of", widget=MomentWidget())
    as_of_precision = fields.Field(
        attribute="as_of_precision",
        column_name="as_of_precision",
        widget=ChoiceWidget(AsOfPrecision.choices, empty=AsOfPrecision.MINUTE),
    )
    amount = fields.Field(attribute="amount", column_name="amount", widget=AmountWidget())
    amount_qualifier = qualifier("amount_qualifier")
    donors = fields.Field(attribute="donors", column_name="donors", widget=CountWidget())
    donors_qualifier = qualifier("donors_qualifier")
    source = source()
    is_correction = fields.Field(attribute="is_correction", column_name="is_correction", widget=YesNoWidget())
    status = status()

    class Meta:
        model = TotalReport
        fields = ("campaign", *TotalReport.RECORDED_FIELDS, "note", "status")
        import_id_fields = ("campaign", "as_of")
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().select_related("campaign", "source")


class DisbursementResource(EditorialResource):
    campaign = campaign()
    date_qualifier = fields.Field(
        attribute="date_qualifier",
        column_name="date_qualifier",
        widget=ChoiceWidget(DateQualifier.choices, empty=DateQualifier.EXACT),
    )
    recipient = fields.Field(
        attribute="recipient", column_name="recipient", widget=NaturalKeyWidget(Organization, field="slug")
    )
    amount = fields.Field(attribute="amount", column_name="amount", widget=AmountWidget())
    amount_qualifier = qualifier("amount_qualifier")
    source = source()
    status = status()

    class Meta:
        model = Disbursement
        fields = (
            "key",
            "campaign",
            "date",
            "date_qualifier",
            "recipient",
            "recipient_note",
            "amount",
            "amount_qualifier",
            "purpose",
            "source",
            "note",
            "status",
        )
        import_id_fields = ("key",)
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().select_related("campaign", "recipient", "source")
