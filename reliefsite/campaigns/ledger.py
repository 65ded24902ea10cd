"""Campaign totals and the disbursement ledger, computed by the database: the latest total, the
money disbursed, the balance, and each payment with the running total, as precise as its parts;
and which of a campaign's total reports its chart draws."""

from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce

from reliefsite.publishing import PublishableQuerySet
from reliefsite.quantities import sum_precision

from .charts import sample_indices

MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0")
LATEST_TOTAL_FIELDS = ("amount", "amount_qualifier", "donors", "donors_qualifier", "as_of", "as_of_precision")


class TotalReportQuerySet(PublishableQuerySet):
    def chart_rows(self, limit):
        """([(as_of, amount, donors)], count): the rows a chart of at most `limit` points draws, in
        time order (charts.sample_indices: evenly spread, the first, the last, the highest amount
        and donor count), and how many reports there are.

        The ids come first, as plain integers, and only the chosen rows are read: turning 2,000
        reports' dates and amounts into Python objects took 8 of the campaign page's ~35 ms.
        """
        ordered = self.order_by("as_of", "pk")
        ids = list(ordered.values_list("pk", flat=True))
        position = {pk: index for index, pk in enumerate(ids)}
        # Asked even when every row is kept, so the page runs the same statements at any size.
        highest = [
            ordered.filter(**{f"{field}__isnull": False})
            .order_by(f"-{field}", "-as_of", "-pk")
            .values_list("pk", flat=True)
            .first()
            for field in ("amount", "donors")
        ]
        keep = [position[pk] for pk in highest if pk is not None]
        chosen = [ids[index] for index in sample_indices(len(ids), limit, keep)]
        return list(ordered.filter(pk__in=chosen).values_list("as_of", "amount", "donors")), len(ids)


class DisbursementQuerySet(PublishableQuerySet):
    def ledger(self):
        """In date order with the running total (and its precision level) and `rows`, how many
        payments there are in all, computed by the database."""
        order = [F("date").asc(), F("pk").asc()]
        return (
            self.select_related("recipient", "source")
            .annotate(
                running_total=Window(Sum("amount"), order_by=order, output_field=MONEY),
                running_level=Window(Max(sum_precision("amount_qualifier")), order_by=order),
                rows=Window(Count("*")),
            )
            .order_by("date", "pk")
        )

    def latest_in_ledger(self, n):
        """The n most recent rows of ledger(), oldest first. The database computes the windows over
        every row before it applies the LIMIT, so running totals still count the earlier payments.
        (Filtering on a numbered window instead wraps the query in another: ~2 ms more, bench/.)"""
        return list(self.ledger().reverse()[:n])[::-1]


class CampaignQuerySet(PublishableQuerySet):
    def with_totals(self):
        """Latest published total, money disbursed so far and the balance, computed by the database."""
        return (
            self.select_related("organizer")
            .with_latest_total()
            ._with_disbursed()
            .annotate(balance=Coalesce(F("latest_amount"), Value(ZERO), output_field=MONEY) - F("disbursed"))
        )

    def with_latest_total(self):
        """latest_<field> of the newest published total report, for each of LATEST_TOTAL_FIELDS:
        what the campaign had raised, from how many donors, as of when.

        One join on that report, picked by a single subquery: one subquery per field cost ~3 ms
        more to build and compile for six fields, on every page listing campaigns (bench/)."""
        from .models import TotalReport  # models imports this module

        newest = TotalReport.objects.published().filter(campaign=OuterRef("pk")).order_by("-as_of")
        return self.annotate(
            latest_report=FilteredRelation(
                "reports", condition=Q(reports__pk=Subquery(newest.values("pk")[:1]))
            )
        ).annotate(**{f"latest_{field}": F(f"latest_report__{field}") for field in LATEST_TOTAL_FIELDS})

    def _with_disbursed(self):
        """`disbursed`: the sum of the published disbursements (0 when none)."""
        from .models import Disbursement  # models imports this module

        # order_by(): a grouped query drops Meta.ordering, but only after compiling it, here twice
        # (`balance` repeats this subquery).
        disbursed = (
            Disbursement.objects.published()
            .filter(campaign=OuterRef("pk"))
            .order_by()
            .values("campaign")
            .annotate(total=Sum("amount"))
            .values("total")
        )
        return self.annotate(
            disbursed=Coalesce(Subquery(disbursed, output_field=MONEY), Value(ZERO), output_field=MONEY)
        )

    def with_ledger_facts(self):
        """The date the published disbursements run to and how precise their sum is (a SumPrecision)."""
        from .models import Disbursement  # models imports this module

        published = Disbursement.objects.published().filter(campaign=OuterRef("pk")).order_by()
        level = published.values("campaign").annotate(level=Max(sum_precision("amount_qualifier")))
        return self.annotate(
            disbursed_through=Subquery(published.order_by("-date").values("date")[:1]),
            disbursed_level=Coalesce(Subquery(level.values("level")), Value(0)),
        )

    def overview(self):
        """For the home page: the sum of every campaign's latest total ("raised"), the sum of their
        published disbursements ("disbursed"), and how far both reach. Two aggregate queries, one
        over the latest totals and one over the disbursements (one aggregate over with_totals()
        took ~2 ms more to build and compile, bench/).

        raised_as_of: the newest total's moment; disbursed_through: the newest disbursement's date;
        campaigns: how many are summed; raised_level / disbursed_level: SumPrecision.
        """
        from .models import Disbursement  # models imports this module

        raised = self.with_latest_total().aggregate(
            raised=Coalesce(Sum("latest_amount"), Value(ZERO), output_field=MONEY),
            raised_as_of=Max("latest_as_of"),
            campaigns=Count("*"),
            raised_level=Coalesce(Max(sum_precision("latest_amount_qualifier")), Value(0)),
        )
        disbursed = (
            Disbursement.objects.published()
            .filter(campaign__in=self.values("pk"))
            .aggregate(
                disbursed=Coalesce(Sum("amount"), Value(ZERO), output_field=MONEY),
                disbursed_through=Max("date"),
                disbursed_level=Coalesce(Max(sum_precision("amount_qualifier")), Value(0)),
            )
        )
        return {**raised, **disbursed}
