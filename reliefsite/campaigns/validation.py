"""The rules clean() applies to total reports and disbursements, beyond what database constraints
can say: a running total never falls unless corrected, and payments never exceed what was raised."""

from django.db.models import Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from reliefsite.quantities import format_quantity

from .ledger import MONEY, ZERO


def total_report_errors(report):
    """{field: message} for a total report that would break the series; empty when it is fine."""
    errors = {}
    if report.amount is not None and report.amount < 0:
        errors["amount"] = _("金额不能为负数。")
    if report.is_correction and not (report.correction_reason or "").strip():
        errors["correction_reason"] = _("标记为更正时请写明更正原因。")
    # A back-dated report must not sit above a later one: the series would then drop.
    following = report.following()
    if (
        following
        and "amount" not in errors
        and report.amount is not None
        and report.amount > following.amount
        and not following.is_correction
    ):
        errors["amount"] = _(
            "累计总额（%(new)s）高于之后%(when)s的%(old)s，累计总额只增不减。请检查金额和截至时间。"
        ) % {
            "new": report.amount_display,
            "when": following.as_of_display,
            "old": following.amount_display,
        }
    previous = report.previous()
    if previous and report.amount is not None and not report.is_correction and "amount" not in errors:
        if report.amount < previous.amount:
            errors["amount"] = _(
                "新的累计总额（%(new)s）低于%(when)s的%(old)s。如果这是更正，请勾选“更正”并写明原因。"
            ) % {
                "new": report.amount_display,
                "when": previous.as_of_display,
                "old": previous.amount_display,
            }
        elif report.donors is not None and previous.donors is not None and report.donors < previous.donors:
            errors["donors"] = _(
                "捐款人数低于上一次报告的%(old)s。如果这是更正，请勾选“更正”并写明原因。"
            ) % {"old": previous.donors_display}
    if (
        report.campaign_id
        and report.as_of
        and type(report)
        ._default_manager.filter(campaign_id=report.campaign_id, as_of=report.as_of)
        .exclude(pk=report.pk)
        .exists()
    ):
        errors["as_of"] = _("这个项目在该时间已有一条累计总额。")
    return errors


def disbursement_errors(disbursement):
    """{field: message}: an amount must be positive and the payments may not exceed the latest total."""
    from .models import TotalReport  # models imports this module

    if disbursement.amount is not None and disbursement.amount <= 0:
        return {"amount": _("拨付金额必须大于零。")}
    if not disbursement.campaign_id or disbursement.amount is None:
        return {}
    raised = (
        TotalReport.objects.filter(campaign_id=disbursement.campaign_id)
        .order_by("-as_of")
        .values_list("amount", flat=True)
        .first()
    ) or ZERO
    others = (
        type(disbursement)
        ._default_manager.filter(campaign_id=disbursement.campaign_id)
        .exclude(pk=disbursement.pk)
        .aggregate(total=Coalesce(Sum("amount"), Value(ZERO), output_field=MONEY))["total"]
    )
    if others + disbursement.amount > raised:
        return {
            "amount": _("拨付合计%(total)s将超过已募集的%(raised)s。")
            % {
                "total": format_quantity(others + disbursement.amount, "元"),
                "raised": format_quantity(raised, "元"),
            }
        }
    return {}
