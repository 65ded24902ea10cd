"""How printed figures add up: the precision of a sum, and the disbursement ledger's running total."""

from django.db.models import Case, Count, DecimalField, F, Max, Sum, Value, When, Window
from django.db.models.functions import RowNumber

from reliefsite.publishing import PublishableQuerySet
from reliefsite.quantities import LOWER_BOUNDS, Qualifier

MONEY = DecimalField(max_digits=14, decimal_places=2)


def precision_level(field):
    """0 when the qualifier is exact, 1 for a lower bound (余/多/不少于), 2 for anything vaguer.

    The largest level over the parts says how precise their sum is.
    """
    return Case(
        When(**{field: Qualifier.EXACT}, then=Value(0)),
        When(**{f"{field}__in": LOWER_BOUNDS}, then=Value(1)),
        default=Value(2),
    )


class DisbursementQuerySet(PublishableQuerySet):
    def ledger(self, latest=None):
        """In date order with the running total (and its precision level) computed by the database.

        latest=N keeps only the N most recent rows; running totals still count every earlier row,
        and `rows` says how many there are in all.
        """
        order = [F("date").asc(), F("pk").asc()]
        ledger = self.select_related("recipient", "source").annotate(
            running_total=Window(Sum("amount"), order_by=order, output_field=MONEY),
            running_level=Window(Max(precision_level("amount_qualifier")), order_by=order),
            rows=Window(Count("pk")),
            from_end=Window(RowNumber(), order_by=[F("date").desc(), F("pk").desc()]),
        )
        if latest is not None:
            ledger = ledger.filter(from_end__lte=latest)
        return ledger.order_by("date", "pk")
