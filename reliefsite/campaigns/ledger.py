"""The disbursement ledger: each payment with the running total, as precise as its parts."""

from django.db.models import Count, DecimalField, F, Max, Sum, Window
from django.db.models.functions import RowNumber

from reliefsite.publishing import PublishableQuerySet
from reliefsite.quantities import sum_precision

MONEY = DecimalField(max_digits=14, decimal_places=2)


class DisbursementQuerySet(PublishableQuerySet):
    def ledger(self, latest=None):
        """In date order with the running total (and its precision level) computed by the database.

        latest=N keeps only the N most recent rows; running totals still count every earlier row,
        and `rows` says how many there are in all.
        """
        order = [F("date").asc(), F("pk").asc()]
        ledger = self.select_related("recipient", "source").annotate(
            running_total=Window(Sum("amount"), order_by=order, output_field=MONEY),
            running_level=Window(Max(sum_precision("amount_qualifier")), order_by=order),
            rows=Window(Count("pk")),
            from_end=Window(RowNumber(), order_by=[F("date").desc(), F("pk").desc()]),
        )
        if latest is not None:
            ledger = ledger.filter(from_end__lte=latest)
        return ledger.order_by("date", "pk")
