"""Published records as plain dicts with stable field names: the JSON items (CSV rows are flattened from them).

Field names are a public contract: add fields freely, never rename or remove one. Every field is
documented in fields.py, and a test checks the two agree.
"""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from reliefsite.campaigns.figures import raised_figures

CURRENCY = "CNY"
# IATI TransactionType codelist: 3 = Disbursement (https://iatistandard.org/en/iati-standard/203/codelists/transactiontype/)
IATI_DISBURSEMENT = "3"


def number(value):
    """Decimal -> JSON number: 6957400.00 -> 6957400, 695.74 -> 695.74."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def iso(value):
    """ISO 8601; datetimes in the site's time zone (2020-02-03T17:00:00+08:00), as the sources gave them."""
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return value.isoformat()


def org_ref(org, absolute):
    if org is None:
        return None
    return {"slug": org.slug, "name": org.name, "url": absolute(org.get_absolute_url())}


def source_ref(source, absolute):
    return {
        "key": source.key,
        "publication": source.publication,
        "published_on": iso(source.published_on),
        "page": source.page,
        "headline": source.headline,
        "url": absolute(source.get_absolute_url()),
        "original_url": source.url or None,
    }


def figure(fig):
    return {
        "value": number(fig.value),
        "qualifier": fig.qualifier,
        "unit": fig.unit,
        "counts": fig.counts,
        "as_printed": fig.as_printed,
    }


def action(obj, absolute):
    return {
        "slug": obj.slug,
        "url": absolute(obj.get_absolute_url()),
        "title": obj.title,
        "summary": obj.summary,
        "district": obj.district,
        "district_name": str(obj.get_district_display()),
        "category": obj.category,
        "category_name": str(obj.get_category_display()),
        "start_date": iso(obj.start_date),
        "end_date": iso(obj.end_date),
        "date_qualifier": obj.date_qualifier,
        "date_note": obj.date_note,
        "beneficiaries": obj.beneficiaries,
        "organizations": [org_ref(o, absolute) for o in obj.organizations.all()],
        "recipients": [org_ref(o, absolute) for o in obj.recipients.all()],
        "figures": [figure(f) for f in obj.figures.all()],
        "sources": [source_ref(s, absolute) for s in obj.sources.all()],
        "created_at": iso(obj.created_at),
        "updated_at": iso(obj.updated_at),
    }


def organization(obj, absolute):
    return {
        "slug": obj.slug,
        "url": absolute(obj.get_absolute_url()),
        "name": obj.name,
        "short_name": obj.short_name,
        "kind": obj.kind,
        "kind_name": str(obj.get_kind_display()),
        "district": obj.district or None,
        "district_name": str(obj.get_district_display()) if obj.district else None,
        "parent": org_ref(obj.parent, absolute),
        "description": obj.description,
        "note": obj.note,
        "published_actions": obj.published_actions,
        "published_campaigns": obj.published_campaigns,
        "published_hotlines": obj.published_hotlines,
        "updated_at": iso(obj.updated_at),
    }


def total_report(report, absolute):
    return {
        "as_of": iso(report.as_of),
        "as_of_precision": report.as_of_precision,
        "as_of_as_printed": report.as_of_display,
        "amount": number(report.amount),
        "amount_qualifier": report.amount_qualifier,
        "amount_as_printed": report.amount_display,
        "currency": CURRENCY,
        "donors": report.donors,
        "donors_qualifier": report.donors_qualifier if report.donors is not None else None,
        "donors_as_printed": report.donors_display or None,
        "is_correction": report.is_correction,
        "correction_reason": report.correction_reason,
        "note": report.note,
        "source": source_ref(report.source, absolute),
    }


def contribution(item, absolute):
    return {
        "organization": org_ref(item.group, absolute),
        "label": item.label,
        "as_of": iso(item.as_of),
        "as_of_precision": item.as_of_precision,
        "staff_count": item.staff_count,
        "staff_qualifier": item.staff_qualifier if item.staff_count is not None else None,
        "gifts_count": item.gifts_count,
        "gifts_qualifier": item.gifts_qualifier if item.gifts_count is not None else None,
        "amount": number(item.amount),
        "amount_qualifier": item.amount_qualifier,
        "amount_as_printed": item.amount_display,
        "currency": CURRENCY,
        "note": item.note,
        "source": source_ref(item.source, absolute),
    }


def latest_total(obj):
    """From CampaignQuerySet.with_totals(): the newest published report, or None before the first one."""
    if obj.latest_amount is None:
        return None
    printed = raised_figures(obj)
    return {
        "as_of": iso(obj.latest_as_of),
        "as_of_precision": obj.latest_as_of_precision,
        "as_of_as_printed": printed["as_of"],
        "amount": number(obj.latest_amount),
        "amount_qualifier": obj.latest_amount_qualifier,
        "amount_as_printed": printed["raised"],
        "donors": obj.latest_donors,
        "donors_qualifier": obj.latest_donors_qualifier if obj.latest_donors is not None else None,
    }


def campaign(obj, absolute):
    return {
        "slug": obj.slug,
        "url": absolute(obj.get_absolute_url()),
        "name": obj.name,
        "organizer": org_ref(obj.organizer, absolute),
        "registration_number": obj.registration_number,
        "registration_platform": obj.registration_platform,
        "verify_url": obj.verify_url or None,
        "launched_at": iso(obj.launched_at),
        "purpose": obj.purpose,
        "currency": CURRENCY,
        "latest_total": latest_total(obj),
        "disbursed": number(obj.disbursed),
        "balance": number(obj.balance) if obj.latest_amount is not None else None,
        "reports": [total_report(r, absolute) for r in obj.published_reports],
        "contributions": [contribution(c, absolute) for c in obj.contributions.all()],
        "transactions_url": absolute(f"{reverse('opendata:campaign-transactions-json')}?campaign={obj.slug}"),
        "sources": [source_ref(s, absolute) for s in obj.sources.all()],
        "updated_at": iso(obj.updated_at),
    }


def transaction(obj, absolute):
    """One disbursement, shaped after an IATI transaction: money from the campaign's organizer to a receiver."""
    return {
        "ref": obj.key,
        "campaign": obj.campaign.slug,
        "campaign_name": obj.campaign.name,
        "campaign_url": absolute(obj.campaign.get_absolute_url()),
        "transaction_type": "disbursement",
        "transaction_type_code": IATI_DISBURSEMENT,
        "transaction_date": iso(obj.date),
        "date_qualifier": obj.date_qualifier,
        "value": number(obj.amount),
        "value_qualifier": obj.amount_qualifier,
        "value_as_printed": obj.amount_display,
        "currency": CURRENCY,
        "provider_org": org_ref(obj.campaign.organizer, absolute),
        "receiver_org": org_ref(obj.recipient, absolute),
        "receiver_note": obj.recipient_note,
        "description": obj.purpose,
        "note": obj.note,
        "source": source_ref(obj.source, absolute),
        "updated_at": iso(obj.updated_at),
    }
